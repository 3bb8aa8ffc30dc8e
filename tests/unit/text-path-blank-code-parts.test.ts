// The text path (tab-separated text, no span information) reads a 科目 row whose 类 and 款 cells
// are both blank (#37 item 6, "never a wrong number without a word"). The table is 上海市普陀区商务委员会
// 25年预算.pdf pp. 12-13 (2025年部门支出预算总表, its first 类 四 of p. 13; `pdftoppm -r 80 -f 12 -l 13`), every figure the page's
// (单位：元), printed as a sheet prints merged cells once: each 类 and 款 on the first row under it,
// the rows below leaving those cells blank. Before this, 行政运行 … 其他商贸事务支出 and 行政单位离退休 …
// were lost with no message.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import type { Table } from '../../src/parse/layout.js';
import { codedTable } from '../../src/parse/structure/coded-table.js';

const HEADER = [
  '# 上海市普陀区商务委员会2025年部门预算',
  '### 2025年部门支出预算总表',
  '编制部门：上海市普陀区商务委员会　单位：元',
  '项目\t\t\t\t支出预算\t\t',
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
  '类\t款\t项\t\t\t\t',
];
const BODY = [
  '201\t\t\t一般公共服务支出\t21,601,733.00\t12,291,733.00\t9,310,000.00',
  '\t13\t\t商贸事务\t21,601,733.00\t12,291,733.00\t9,310,000.00',
  '\t\t01\t行政运行\t9,389,913.00\t9,389,913.00\t',
  '\t\t02\t一般行政管理事务\t4,545,000.00\t\t4,545,000.00',
  '\t\t50\t事业运行\t2,901,820.00\t2,901,820.00\t',
  '\t\t99\t其他商贸事务支出\t4,765,000.00\t\t4,765,000.00',
  '206\t\t\t科学技术支出\t17,200,000.00\t\t17,200,000.00',
  '\t05\t\t科技条件与服务\t17,200,000.00\t\t17,200,000.00',
  '\t\t03\t科技条件专项\t17,200,000.00\t\t17,200,000.00',
  '208\t\t\t社会保障和就业支出\t3,808,085.00\t3,808,085.00\t',
  '\t05\t\t行政事业单位养老支出\t3,808,085.00\t3,808,085.00\t',
  '\t\t01\t行政单位离退休\t1,661,216.00\t1,661,216.00\t',
  '\t\t02\t事业单位离退休\t17,280.00\t17,280.00\t',
  '\t\t05\t机关事业单位基本养老保险缴费支出\t1,410,886.00\t1,410,886.00\t',
  '\t\t06\t机关事业单位职业年金缴费支出\t705,443.00\t705,443.00\t',
  '\t\t99\t其他行政事业单位养老支出\t13,260.00\t13,260.00\t',
  '210\t\t\t卫生健康支出\t881,803.00\t881,803.00\t',
  '\t11\t\t行政事业单位医疗\t881,803.00\t881,803.00\t',
  '\t\t01\t行政单位医疗\t631,941.00\t631,941.00\t',
  '\t\t02\t事业单位医疗\t249,862.00\t249,862.00\t',
];
const parse = (body: string[]) => parseDocument([...HEADER, ...body].join('\n'), 'blank-code-parts.txt');
const lineNo = (body: string[], text: string) => HEADER.length + body.indexOf(text) + 1;

describe('a 项 row with 类 and 款 blank, on the text path', () => {
  const doc = parse(BODY);
  const line = (code: string) => doc.lines.find((l) => l.code === code);

  it('reads every row the page prints, the 项 under the last 类 and 款 above it', () => {
    expect(doc.lines.map((l) => l.code)).toEqual(['201', '20113', '2011301', '2011302', '2011350', '2011399', '206', '20605', '2060503', '208', '20805', '2080501', '2080502', '2080505', '2080506', '2080599', '210', '21011', '2101101', '2101102']);
    expect([line('2011301')?.name, line('2011301')?.total, line('2011301')?.basic, line('2011301')?.project]).toEqual(['行政运行', 938_991_300n, 938_991_300n, null]);
    expect([line('2011302')?.name, line('2011302')?.total, line('2011302')?.basic, line('2011302')?.project]).toEqual(['一般行政管理事务', 454_500_000n, null, 454_500_000n]);
    expect([line('2080505')?.name, line('2080505')?.total]).toEqual(['机关事业单位基本养老保险缴费支出', 141_088_600n]);
  });

  it('says, for each, the 类 and 款 it took (an INFO naming the line)', () => {
    const said = doc.diagnostics.filter((d) => d.code === 'CODE_CLASS_CARRIED' && d.message.includes('款 '));
    expect(said.map((d) => [d.level, d.line])).toEqual(
      ['\t\t01\t行政运行\t9,389,913.00\t9,389,913.00\t', '\t\t02\t一般行政管理事务\t4,545,000.00\t\t4,545,000.00', '\t\t50\t事业运行\t2,901,820.00\t2,901,820.00\t', '\t\t99\t其他商贸事务支出\t4,765,000.00\t\t4,765,000.00', '\t\t03\t科技条件专项\t17,200,000.00\t\t17,200,000.00', '\t\t01\t行政单位离退休\t1,661,216.00\t1,661,216.00\t', '\t\t02\t事业单位离退休\t17,280.00\t17,280.00\t', '\t\t05\t机关事业单位基本养老保险缴费支出\t1,410,886.00\t1,410,886.00\t', '\t\t06\t机关事业单位职业年金缴费支出\t705,443.00\t705,443.00\t', '\t\t99\t其他行政事业单位养老支出\t13,260.00\t13,260.00\t', '\t\t01\t行政单位医疗\t631,941.00\t631,941.00\t', '\t\t02\t事业单位医疗\t249,862.00\t249,862.00\t'].map((t) => ['INFO', lineNo(BODY, t)]),
    );
    expect(said[0]?.message).toContain('类 201 and 款 13');
    expect(said.at(-1)?.message).toContain('类 210 and 款 11');
  });

  it('each parent is the sum of its children, as on the page', () => {
    expect(doc.anomalies.map((a) => a.message)).toEqual([]);
  });
});

describe('a 项 row with 类 and 款 blank and no 款 row above it', () => {
  // The same page's 201 rows with its 款 row (商贸事务) left out: the 项 rows sit straight under a 类
  // row, and which 款 they belong to is printed nowhere.
  const body = BODY.filter((t) => !t.includes('商贸事务\t'));
  const doc = parse(body);

  it('is not read as a line, and a WARNING names its line', () => {
    expect(doc.lines.filter((l) => l.code.startsWith('201')).map((l) => l.code)).toEqual(['201']);
    const warned = doc.diagnostics.filter((d) => d.code === 'CODE_SECTION_UNKNOWN');
    expect(warned.map((d) => [d.level, d.line])).toEqual(body.filter((t) => /^\t\t\d{2}\t/.test(t) && body.indexOf(t) < body.findIndex((u) => u.startsWith('206'))).map((t) => ['WARNING', lineNo(body, t)]));
  });

  it('the rows under the next 类 and its 款 are read', () => {
    expect(doc.lines.filter((l) => !l.code.startsWith('201')).map((l) => l.code)).toEqual(['206', '20605', '2060503', '208', '20805', '2080501', '2080502', '2080505', '2080506', '2080599', '210', '21011', '2101101', '2101102']);
  });
});

describe('a 项 row with 类 and 款 blank right under a unit’s row (预算单位)', () => {
  // The page's 208 rows as a table listing them per unit would: a unit's row between the 款 row
  // (行政事业单位养老支出) and the 项 rows. The 款 above belongs to the rows before the unit's row.
  const at = BODY.findIndex((t) => t.startsWith('\t\t01\t行政单位离退休'));
  const body = [...BODY.slice(0, at), '上海市普陀区商务委员会(本级)\t\t\t\t1,661,216.00\t1,661,216.00\t', ...BODY.slice(at)];
  const doc = parse(body);

  it('is not read under the 款 above the unit’s row: WARNINGs name the lines up to the next 款', () => {
    expect(doc.lines.filter((l) => l.code.startsWith('20805')).map((l) => l.code)).toEqual(['20805']);
    const warned = doc.diagnostics.filter((d) => d.code === 'CODE_SECTION_UNKNOWN').map((d) => d.line);
    expect(warned).toEqual(body.slice(at + 1, body.findIndex((t) => t.startsWith('210'))).map((t) => lineNo(body, t)));
  });
});

describe('a 款 row that is not read, above 项 rows with 类 and 款 blank (#37 item 6)', () => {
  // The page's 208 rows followed by a 款 row the text does not read (its 款 cell misprinted "O8",
  // or printed without its name) and a 项 row under it. The 项 is that 款's, not 行政事业单位养老支出's:
  // it must not be read as 20805xx, and each unread row is named with its line.
  const at = BODY.findIndex((t) => t.startsWith('210'));
  const withKuan = (kuan: string) => [...BODY.slice(0, at), kuan, '\t\t01\t死亡抚恤\t100,000.00\t100,000.00\t', ...BODY.slice(at)];

  it('a misprinted 款 cell ("O8") is a WARNING with its line, and the 项 under it is not read under 款 05', () => {
    const body = withKuan('\tO8\t\t抚恤\t100,000.00\t100,000.00\t');
    const doc = parse(body);
    expect(doc.lines.filter((l) => l.code.startsWith('208')).map((l) => l.code)).toEqual(['208', '20805', '2080501', '2080502', '2080505', '2080506', '2080599']);
    expect(doc.lines.find((l) => l.name === '死亡抚恤' || l.name === '抚恤')).toBeUndefined();
    const unreadable = doc.diagnostics.filter((d) => d.code === 'CODE_UNREADABLE');
    expect(unreadable.map((d) => [d.level, d.line])).toEqual([['WARNING', lineNo(body, '\tO8\t\t抚恤\t100,000.00\t100,000.00\t')]]);
    expect(unreadable[0]?.message).toContain('"O8"');
    const unknown = doc.diagnostics.filter((d) => d.code === 'CODE_SECTION_UNKNOWN');
    expect(unknown.map((d) => [d.level, d.line])).toEqual([['WARNING', lineNo(body, '\t\t01\t死亡抚恤\t100,000.00\t100,000.00\t')]]);
  });

  it('a 款 row without its name is a WARNING and ends 款 05 too: the 项 under it gets CODE_SECTION_UNKNOWN', () => {
    const body = withKuan('\t08\t\t\t100,000.00\t100,000.00\t');
    const doc = parse(body);
    expect(doc.lines.find((l) => l.name === '死亡抚恤')).toBeUndefined();
    expect(doc.diagnostics.filter((d) => d.code === 'CODE_UNREADABLE').map((d) => [d.level, d.line])).toEqual([['WARNING', lineNo(body, '\t08\t\t\t100,000.00\t100,000.00\t')]]);
    const unknown = doc.diagnostics.filter((d) => d.code === 'CODE_SECTION_UNKNOWN');
    expect(unknown.map((d) => [d.level, d.line])).toEqual([['WARNING', lineNo(body, '\t\t01\t死亡抚恤\t100,000.00\t100,000.00\t')]]);
  });
});

describe('a misprinted 类, 款 or 项 cell around rows that carry them (#37 item 6)', () => {
  // The page's rows with one cell of the 208 rows misprinted with look-alike letters. No row under
  // the misprint may take a code from the rows above it; each row not read is named with its line.
  const swap = (from: string, to: string) => BODY.map((t) => (t === from ? to : t));
  const codes = (body: string[]) => parse(body).lines.map((l) => l.code);
  const said = (body: string[], code: string) => parse(body).diagnostics.filter((d) => d.code === code).map((d) => [d.level, d.line]);
  const kept = ['201', '20113', '2011301', '2011302', '2011350', '2011399', '206', '20605', '2060503', '210', '21011', '2101101', '2101102'];
  const under208 = (body: string[]) => body.filter((t, i) => i > body.findIndex((u) => u.includes('社会保障和就业支出')) && i < body.findIndex((u) => u.startsWith('210')));

  it('a 类 row printing "2O8": its 款 and 项 rows are not read under 类 206, each is a WARNING', () => {
    const body = swap('208\t\t\t社会保障和就业支出\t3,808,085.00\t3,808,085.00\t', '2O8\t\t\t社会保障和就业支出\t3,808,085.00\t3,808,085.00\t');
    expect(codes(body)).toEqual(kept);
    expect(said(body, 'CODE_UNREADABLE')).toEqual([['WARNING', lineNo(body, '2O8\t\t\t社会保障和就业支出\t3,808,085.00\t3,808,085.00\t')]]);
    expect(said(body, 'CODE_CLASS_UNKNOWN')).toEqual([['WARNING', lineNo(body, '\t05\t\t行政事业单位养老支出\t3,808,085.00\t3,808,085.00\t')]]);
    expect(said(body, 'CODE_SECTION_UNKNOWN')).toEqual(under208(body).slice(1).map((t) => ['WARNING', lineNo(body, t)]));
  });

  it('a 类 row printing its 款 as "O5" on the same row is not read as 类 208 with the 款’s figures', () => {
    const rows = BODY.filter((t) => t !== '\t05\t\t行政事业单位养老支出\t3,808,085.00\t3,808,085.00\t');
    const body = rows.map((t) => (t.startsWith('208\t') ? '208\tO5\t\t行政事业单位养老支出\t3,808,085.00\t3,808,085.00\t' : t));
    expect(codes(body)).toEqual(kept);
    expect(said(body, 'CODE_UNREADABLE')).toEqual([['WARNING', lineNo(body, '208\tO5\t\t行政事业单位养老支出\t3,808,085.00\t3,808,085.00\t')]]);
    expect(said(body, 'CODE_SECTION_UNKNOWN')).toEqual(under208(BODY).slice(1).map((t) => ['WARNING', lineNo(body, t)]));
  });

  it('a 项 printed "O1" (类 and 款 blank) is a WARNING and no line', () => {
    const body = swap('\t\t01\t行政单位离退休\t1,661,216.00\t1,661,216.00\t', '\t\tO1\t行政单位离退休\t1,661,216.00\t1,661,216.00\t');
    expect(codes(body)).toEqual(codes(BODY).filter((c) => c !== '2080501'));
    expect(said(body, 'CODE_UNREADABLE')).toEqual([['WARNING', lineNo(body, '\t\tO1\t行政单位离退休\t1,661,216.00\t1,661,216.00\t')]]);
  });

  it('a 项 printed "O1" after its 款 on the same row (类 blank) is not read as the 款 with the 项’s figures', () => {
    const body = swap('\t\t01\t行政单位离退休\t1,661,216.00\t1,661,216.00\t', '\t05\tO1\t行政单位离退休\t1,661,216.00\t1,661,216.00\t');
    expect(codes(body).filter((c) => c === '20805')).toEqual(['20805']);
    expect(parse(body).lines.filter((l) => l.code === '20805').map((l) => l.name)).toEqual(['行政事业单位养老支出']);
    expect(said(body, 'CODE_UNREADABLE')).toEqual([['WARNING', lineNo(body, '\t05\tO1\t行政单位离退休\t1,661,216.00\t1,661,216.00\t')]]);
  });
});

describe('the 类 | 款 | 项 header row repeated after a page break, inside a table', () => {
  // A table running over a page may print its header again between a 款 row and its 项 rows (the
  // text path drops a repeated header before this; a grid built from the page keeps its rows). A
  // header names no 款: the 项 rows are still 款 05's.
  const rows = [...HEADER.slice(3), ...BODY.slice(BODY.findIndex((t) => t.startsWith('208')), BODY.findIndex((t) => t.startsWith('210')))];
  const at = rows.findIndex((t) => t.startsWith('\t\t01\t行政单位离退休'));
  const printed = [...rows.slice(0, at), '类\t款\t项\t\t\t\t', ...rows.slice(at)];
  const table: Table = { title: '2025年部门支出预算总表', number: null, titleLine: 2, preamble: [], rows: printed.map((text, k) => ({ line: 10 + k, cells: text.split('\t'), text })) };

  it('reads the 项 rows under the 款 above it', () => {
    const read = codedTable(table)?.rows.filter((r) => r.role === 'DATA').map((r) => r.blocks?.[0]?.code);
    expect(read).toEqual(['208', '20805', '2080501', '2080502', '2080505', '2080506', '2080599']);
  });
});
