// Header paths from the page's structure (issue #37): where a PDF's ruled grid says which header
// cells span which columns, a label covers exactly those columns; text sources (data/, Shenzhen)
// keep their carried labels unchanged. Expected values were read off the page image
// (`pdftoppm -r 80 -f N -l N -png FILE out`, page given beside each) or the text line of data/.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { headerLabels } from '../../src/parse/figures.js';
import { restatements } from '../../src/load/restatements.js';
import { readSource } from '../../src/source/index.js';

const REAL = 'tests/fixtures/real';
const WANLI = '上海市普陀区人民政府万里街道办事处25年预算.pdf';
const FINAL = '上海市普陀区财政局2024年度部门决算.pdf';

const docs = new Map<string, ParsedDocument>();

beforeAll(async () => {
  for (const file of [WANLI, FINAL]) {
    const source = await readSource(readFileSync(`${REAL}/${file}`), file);
    docs.set(file, parseDocument(source.text, file, source.notes, source.places));
  }
}, 120_000);

describe('a PDF grid’s spans label the header', () => {
  it('万里 2025 p. 29: 机关运行经费预算数 464.64 is not under 公务用车购置及运行费 (that span covers 小计 | 购置费 | 运行费 only)', () => {
    const doc = docs.get(WANLI)!;
    const figure = doc.figures.find((f) => f.family === 'THREE_COSTS' && f.value === '464.64')!;
    expect(figure.column).toBe('机关运行经费预算数');
    // The 三公 record of the same row stays as the page prints it: 36.56 = 15 + 21.56.
    const table = doc.threeCosts.find((t) => t.origin === 'TABLE')!;
    expect([table.total, table.vehicles, table.vehiclePurchase, table.vehicleRunning, table.reception]).toEqual([37_910_000n, 36_560_000n, 15_000_000n, 21_560_000n, 1_350_000n]);
  });

  it('so the prose’s 公务用车购置及运行费 36.56 (p. 29 说明) is no mismatch against 464.64', () => {
    const doc = docs.get(WANLI)!;
    const { anomalies } = restatements(doc, []);
    expect(anomalies.filter((a) => a.message.includes('公务用车购置及运行费') && a.message.includes('464.64'))).toEqual([]);
  });

  it('财政局 2024 决算 p. 8-9: the 类 | 款 | 项 parts of a code under 支出功能分类科目编码 are no amounts (06 is not 6 万元, 201 not 201 万元)', () => {
    const doc = docs.get(FINAL)!;
    const parts = doc.figures.filter((f) => (f.source.table === '收入决算表' || f.source.table === '支出决算表') && /^\d{2,3}$/.test(f.value));
    expect(parts).toEqual([]);
    // p. 8, 201 | 06 | 01 行政运行: 本年收入合计 1,511.90, 财政拨款收入 1,511.89, 其他收入 0.01 — read as a line.
    const line = doc.lines.find((l) => l.source.table === '收入决算表' && l.code === '2010601')!;
    expect([line.name, line.total]).toEqual(['行政运行', 1_511_900_000n]);
  });
});

describe('a grid row cut off by a page break is put back in its table’s columns', () => {
  it('万里 2025 p. 18: the 支出预算总表’s 合计 row, alone on its page (合计 over four columns), is 合计 189,767,551 | 基本支出 101,341,746 | 项目支出 88,425,805 元', () => {
    const total = docs.get(WANLI)!.totals.find((t) => t.table === '2025年部门支出预算总表' && t.unit === null)!;
    expect([total.total, total.basic, total.project]).toEqual([18_976_755_100n, 10_134_174_600n, 8_842_580_500n]);
    // Not under the code columns (款 / 项 / 科目名称) as it was.
    expect(Object.keys(total.columns ?? {}).every((k) => k.startsWith('支出预算/'))).toBe(true);
  });
});

describe('text headers (no grid) keep their carried labels', () => {
  const row = (text: string, line: number) => ({ line, cells: text.split('\t'), text });

  it('data/001 lines 470-471: 预算金额（万元） spans 总额 | 其中：财政拨款 | 其中：其他资金', () => {
    const labels = headerLabels([row('任务名称\t主要内容\t预算金额（万元）\t\t\t', 470), row('\t\t总额\t其中：财政拨款\t其中：其他资金\t', 471)]);
    expect(labels.slice(2, 5)).toEqual(['预算金额（万元）/总额', '预算金额（万元）/其中：财政拨款', '预算金额（万元）/其中：其他资金']);
  });

  it('data/000 line 219: 201’s 一般性经费拨款 under 本年收入 / 财政拨款 / 一般公共预算拨款 (a text source, spans carried)', () => {
    const doc = parseDocument(readFileSync('data/000_5c682a4da5e2a113.txt', 'utf8'), '000_5c682a4da5e2a113.txt');
    const line = doc.lines.find((l) => l.source.line === 219 && l.code === '201')!;
    expect(line.columns['本年收入/财政拨款/一般公共预算拨款/一般性经费拨款']).toBe(line.total);
  });

  it('a grid row’s spans: a label covers its own cells only, in an upper row', () => {
    // 万里 2025 p. 29's header as the grid gives it: 公务用车购置及运行费 spans columns 3-5, 机关运行经费 is column 6.
    const labels = headerLabels([
      { ...row('“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数', 1), spanStart: [0, 0, 0, 0, 0, 0, 6] },
      { ...row('合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t', 2), spanStart: [0, 1, 2, 3, 3, 3, 6] },
      { ...row('\t\t\t小计\t购置费\t运行费\t', 3), spanStart: [0, 1, 2, 3, 4, 5, 6] },
    ]);
    expect(labels).toEqual(['“三公”经费预算数/合计', '“三公”经费预算数/因公出国(境)费', '“三公”经费预算数/公务接待费', '“三公”经费预算数/公务用车购置及运行费/小计', '“三公”经费预算数/公务用车购置及运行费/购置费', '“三公”经费预算数/公务用车购置及运行费/运行费', '机关运行经费预算数']);
  });
});

describe('a cell the structure cannot place is said', () => {
  it('an amount under no header label is a COLUMN_UNLABELLED warning with its line, not a silent "column N"', () => {
    const text = ['2024年某局部门预算', '一般公共预算支出表', '单位：万元', '科目编码\t科目名称\t合计', '201\t一般公共服务支出\t10.00\t3.00', '合计\t\t10.00\t3.00'].join('\n');
    const doc = parseDocument(text, 'unlabelled.txt');
    const line = doc.lines.find((l) => l.code === '201')!;
    expect(line.columns).toEqual({ 合计: 10_000_000n, 'column 4': 3_000_000n });
    expect(doc.diagnostics.filter((d) => d.code === 'COLUMN_UNLABELLED').map((d) => [d.level, d.line])).toEqual([['WARNING', 5]]);
  });
});
