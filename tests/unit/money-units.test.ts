// Money by the unit each table declares (issue #37, item 3), on the Shanghai disclosures of
// tests/fixtures/real and on a table printed in each unit. Every expected value below was read off the
// page image (`pdftoppm -r 80 -f N -l N -png FILE out`, page N given beside it) and converted to fen
// by hand (1 元 = 100 fen, 1 万元 = 1,000,000 fen); none was copied from the parser's output.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type BudgetLine, type ParsedDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { totalTables } from '../../src/model/document-tables.js';

const REAL = 'tests/fixtures/real';
const OFFICE = '上海市普陀区人民政府办公室25年预算.pdf';
const OFFICE_UNIT = '上海市普陀区人民政府办公室单位25年预算.pdf';
const FINANCE_FINAL = '上海市普陀区财政局2024年度部门决算.pdf';
const JUSTICE = 'dept_budget.pdf';
const WANLI_2025 = '上海市普陀区人民政府万里街道办事处25年预算.pdf';
const WANLI_2023 = '上海市普陀区人民政府万里街道办事处23年预算.pdf';

const docs = new Map<string, ParsedDocument>();
const textOf = async (file: string) => (await readSource(readFileSync(`${REAL}/${file}`), file)).text;

beforeAll(async () => {
  for (const file of [OFFICE, OFFICE_UNIT, FINANCE_FINAL, JUSTICE, WANLI_2025, WANLI_2023]) docs.set(file, parseDocument(await textOf(file), file));
}, 120_000);

const doc = (file: string) => docs.get(file)!;
/** The line of `code` in the table titled `table`. */
function line(d: ParsedDocument, table: string, code: string): BudgetLine {
  const found = d.lines.filter((l) => l.source.table === table && l.code === code);
  expect(found, `${table} ${code}`).toHaveLength(1);
  return found[0]!;
}
const wholeTotal = (d: ParsedDocument, table: string) => d.totals.find((t) => t.table === table && t.unit === null);
const unitOf = (d: ParsedDocument, table: string) => d.tableUnits?.find((u) => u.table === table);

describe('a 部门预算 whose tables print 单位：元 (上海市普陀区人民政府办公室, 2025)', () => {
  const EXPENDITURE = '2025年部门支出预算总表';

  it('reads the 支出预算总表 in 元 as its 单位：元 says (pp. 11-12): 合计 91,016,775.35 元, not 91,016,775.35 万元', () => {
    const d = doc(OFFICE);
    expect(unitOf(d, EXPENDITURE)).toMatchObject({ unit: '元', from: 'DECLARED' });
    expect(wholeTotal(d, EXPENDITURE)).toMatchObject({ total: 9_101_677_535n, basic: 2_460_677_535n, project: 6_641_000_000n });
    expect(line(d, EXPENDITURE, '201')).toMatchObject({ name: '一般公共服务支出', level: 1, total: 8_209_679_742n, basic: 1_568_679_742n, project: 6_641_000_000n });
    expect(line(d, EXPENDITURE, '2010301')).toMatchObject({ name: '行政运行', level: 3, total: 1_202_950_184n, basic: 1_191_950_184n, project: 11_000_000n });
    expect(line(d, EXPENDITURE, '2010302')).toMatchObject({ name: '一般行政管理事务', total: 4_614_000_000n, project: 4_614_000_000n });
    expect(line(d, EXPENDITURE, '20805')).toMatchObject({ name: '行政事业单位养老支出', level: 2, total: 421_377_928n });
    expect(line(d, EXPENDITURE, '2080505')).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', total: 176_315_952n });
    expect(line(d, EXPENDITURE, '2210201')).toMatchObject({ name: '住房公积金', total: 174_144_522n });
  });

  it('keeps the unit out of the column names (the 编制部门 … 单位：元 line is no header row)', () => {
    for (const file of [OFFICE, OFFICE_UNIT, JUSTICE, WANLI_2025]) {
      const labels = doc(file).lines.flatMap((l) => Object.keys(l.columns));
      expect(labels.length, file).toBeGreaterThan(0);
      expect(labels.filter((k) => /单位\s*[:：]/.test(k)), file).toEqual([]);
    }
    expect(Object.keys(line(doc(OFFICE), EXPENDITURE, '201').columns)).toEqual(['支出预算/合计', '支出预算/基本支出', '支出预算/项目支出']);
  });

  it('reads the 三公 table in 万元 as its own 单位:万元 says (p. 20): 867.50, 839.00, 28.50', () => {
    const d = doc(OFFICE);
    expect(unitOf(d, '2025年部门“三公”经费和机关运行经费预算表')).toMatchObject({ unit: '万元', from: 'DECLARED' });
    expect(d.threeCosts.find((t) => t.origin === 'TABLE')).toMatchObject({ total: 867_500_000n, abroad: 839_000_000n, reception: 28_500_000n });
  });

  it('agrees with its prose (p. 6: 收入预算9,101.68万元) to the prose\'s rounding, so no unit anomaly is raised', () => {
    const d = doc(OFFICE);
    const prose = d.proseAmounts.find((p) => p.amount === 9_101_680_000n);
    expect(prose?.source.line).toBeGreaterThan(0);
    const total = wholeTotal(d, EXPENDITURE)!.total!;
    expect(total - 9_101_680_000n).toBeGreaterThan(-5_000n); // 0.005 万元 = 50 元
    expect(total - 9_101_680_000n).toBeLessThan(5_000n);
    expect(d.anomalies.filter((a) => a.kind === 'UNIT_MISMATCH')).toEqual([]);
  });
});

describe('the same department\'s 单位预算 (上海市普陀区人民政府办公室单位25年预算)', () => {
  const EXPENDITURE = '2025年预算单位支出预算总表';

  it('reads its tables in 元 (pp. 11-12): 合计 91,016,775.35 and its lines', () => {
    const d = doc(OFFICE_UNIT);
    expect(unitOf(d, EXPENDITURE)).toMatchObject({ unit: '元', from: 'DECLARED' });
    expect(wholeTotal(d, EXPENDITURE)).toMatchObject({ total: 9_101_677_535n, basic: 2_460_677_535n, project: 6_641_000_000n });
    expect(line(d, EXPENDITURE, '2010350')).toMatchObject({ name: '事业运行', total: 380_729_558n, basic: 376_729_558n, project: 4_000_000n });
    expect(line(d, EXPENDITURE, '2080506')).toMatchObject({ name: '机关事业单位职业年金缴费支出', total: 88_157_976n });
    expect(line(d, EXPENDITURE, '2101102')).toMatchObject({ name: '事业单位医疗', total: 31_421_815n });
    expect(line(d, EXPENDITURE, '2210203')).toMatchObject({ name: '购房补贴', total: 186_768_000n });
    expect(d.anomalies.filter((a) => a.kind === 'UNIT_MISMATCH')).toEqual([]);
  });
});

describe('a 部门决算 in 万元 whose title wraps over two lines (上海市普陀区财政局, 2024)', () => {
  const EXPENDITURE = '支出决算表';

  it('reads the 支出决算表 in 万元 (p. 10): 合计 2,940.05 on the row that also prints 类 款 项, and its lines', () => {
    const d = doc(FINANCE_FINAL);
    expect(unitOf(d, EXPENDITURE)).toMatchObject({ unit: '万元', from: 'DECLARED' });
    expect(wholeTotal(d, EXPENDITURE)).toMatchObject({ total: 2_940_050_000n, basic: 2_336_910_000n, project: 603_140_000n });
    // The headline total is read from this table (the document's primary 功能分类 table).
    expect(totalTables(d.lines)[0]).toBe(EXPENDITURE);
    expect(line(d, EXPENDITURE, '201')).toMatchObject({ name: '一般公共服务支出', total: 2_106_660_000n, basis: 'ACTUAL' });
    expect(line(d, EXPENDITURE, '2010601')).toMatchObject({ name: '行政运行', total: 1_511_890_000n, basic: 1_503_520_000n, project: 8_370_000n });
    expect(line(d, EXPENDITURE, '2010608')).toMatchObject({ name: '财政委托业务支出', total: 449_520_000n });
    expect(line(d, EXPENDITURE, '20805')).toMatchObject({ name: '行政事业单位养老支出', total: 326_720_000n });
    expect(line(d, EXPENDITURE, '2080505')).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', total: 160_750_000n });
  });
});

describe('a 部门预算 printing its 元 without thousands separators (上海市普陀区司法局, 2026)', () => {
  const EXPENDITURE = '2026年部门支出预算总表';

  it('reads 96282213.44 元 as such (pp. 12-13)', () => {
    const d = doc(JUSTICE);
    expect(wholeTotal(d, EXPENDITURE)).toMatchObject({ total: 9_628_221_344n, basic: 2_574_166_644n, project: 7_054_054_700n });
    expect(line(d, EXPENDITURE, '2040601')).toMatchObject({ name: '行政运行', total: 1_672_672_544n });
    expect(line(d, EXPENDITURE, '2040604')).toMatchObject({ name: '基层司法业务', total: 2_170_394_700n, project: 2_170_394_700n });
    expect(line(d, EXPENDITURE, '2040699')).toMatchObject({ name: '其他司法支出', total: 3_845_490_000n });
    expect(line(d, EXPENDITURE, '2080501')).toMatchObject({ name: '行政单位离退休', total: 57_804_000n });
    expect(line(d, EXPENDITURE, '2210203')).toMatchObject({ name: '购房补贴', total: 243_360_000n });
  });
});

describe('a form that declares its unit in a cell (万里街道 2023, p. 31: 项目资金（元）)', () => {
  it('is read in 元: 项目资金总额 4,100,000.00 元 is 4.1 million yuan, not 4.1 million 万元', () => {
    const d = doc(WANLI_2023);
    const forms = d.tableUnits!.filter((u) => u.table === '财政项目支出绩效目标填报表');
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) expect(f).toMatchObject({ unit: '元', from: 'DECLARED' });
    const figure = d.figures.find((f) => f.value === '4,100,000.00' && /项目资金总额/.test(f.source.text));
    expect(figure?.amount).toBe(410_000_000n);
  });
});

describe('the unit a table declares, wherever it declares it', () => {
  const base = readFileSync('tests/fixtures/table-without-unit-line.txt', 'utf8');
  const TABLE = '2025年部门支出预算总表';
  // The same table printed in four units (the prose says 1,234.57 万元 of it).
  const printed = {
    元: ['12,345,678.90', '10,000,000.00', '2,345,678.90'],
    千元: ['12,345.6789', '10,000.00', '2,345.6789'],
    万元: ['1,234.56789', '1,000.00', '234.56789'],
    亿元: ['0.123456789', '0.10', '0.023456789'],
  } as const;
  const inUnit = (unit: keyof typeof printed) => base.replaceAll(printed.元[0], printed[unit][0]).replaceAll(printed.元[1], printed[unit][1]).replaceAll(printed.元[2], printed[unit][2]);
  const variants: [string, string][] = [
    ['元, on the 编制部门 line (two cells of one printed line)', inUnit('元').replace('编制部门：上海市某区某局', '编制部门：上海市某区某局\t单位：元')],
    ['千元, on a line of its own', inUnit('千元').replace('编制部门：上海市某区某局', '编制部门：上海市某区某局\n单位：千元')],
    ['万元, as 金额单位', inUnit('万元').replace('编制部门：上海市某区某局', '编制部门：上海市某区某局 金额单位：万元')],
    ['亿元, on the title line', inUnit('亿元').replace(`${TABLE}\n`, `${TABLE}（单位：亿元）\n`)],
  ];

  it.each(variants)('%s: the same amounts to the fen', (_name, text) => {
    const d = parseDocument(text, 'units.txt');
    expect(d.tableUnits?.[0]).toMatchObject({ table: TABLE, from: 'DECLARED' });
    expect(wholeTotal(d, TABLE)).toMatchObject({ total: 1_234_567_890n, basic: 1_000_000_000n, project: 234_567_890n });
    expect(line(d, TABLE, '2010302')).toMatchObject({ total: 234_567_890n });
    expect(d.lines.flatMap((l) => Object.keys(l.columns)).filter((k) => /单位\s*[:：]/.test(k))).toEqual([]);
    expect(d.anomalies.filter((a) => a.kind === 'UNIT_MISMATCH')).toEqual([]);
  });

  it('a table declaring no unit takes the document\'s, says so, and when that is 10,000× the prose it is an ERROR naming both lines', () => {
    const d = parseDocument(base, 'no-unit.txt');
    expect(d.tableUnits).toEqual([{ table: TABLE, line: 5, unit: '万元', from: 'DOCUMENT', source: null }]);
    expect(d.meta.moneyUnit).toBe('万元');
    const errors = d.anomalies.filter((a) => a.kind === 'UNIT_MISMATCH');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 'ERROR' });
    expect(errors[0]!.message).toMatch(/10,000 times/);
    // The table's 合计 line and the sentence, as printed.
    expect(errors[0]!.sources.map((s) => s.line)).toEqual([14, 4]);
    // Neither is corrected: the table keeps what it was read as.
    expect(wholeTotal(d, TABLE)!.total).toBe(12_345_678_900_000n);
  });

  it('a table declaring 万元 while printing 元 is an ERROR that also names its unit line', () => {
    const d = parseDocument(base.replace('编制部门：上海市某区某局', '编制部门：上海市某区某局\t单位：万元'), 'misprint.txt');
    const errors = d.anomalies.filter((a) => a.kind === 'UNIT_MISMATCH');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.severity).toBe('ERROR');
    expect(errors[0]!.sources.map((s) => s.line)).toEqual([14, 4, 6]);
    expect(errors[0]!.message).toContain('as line 6 declares');
  });
});
