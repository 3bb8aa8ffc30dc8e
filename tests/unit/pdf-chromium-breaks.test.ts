// Chromium's prints of the bundled documents (`npx tsx scripts/print-pdf.ts data/X.txt out.pdf`),
// where their reading differed from the text (#37 item 1): a table row Chromium cut at a page break
// with its label wrapped over the cut, a paragraph that ends near the margin before the next one,
// and a wrapped line that opens with the word 第三方. The pages are built from their boxes: the
// runs as extract.ts reads them from those prints, the rulings where the page draws them, PDF
// points from the top-left. What each test expects was read off the page image
// (`pdftoppm -r 80 -f N -l N -png out.pdf x`) and agrees with the line of data/X.txt named.
import { describe, expect, it } from 'vitest';
import type { GlyphRun, PdfPage, Ruling } from '../../src/source/pdf/geometry.js';
import { renderPdf } from '../../src/source/pdf/render.js';
import { layout } from '../../src/parse/layout.js';

const word = (text: string, x0: number, top: number, x1: number, bottom: number, size = 8.74): GlyphRun => ({ text, x0, x1, top, bottom, size });
/** A run of CJK glyphs with the boxes the page prints them in: an em each, side by side. */
const glyphed = (run: GlyphRun): GlyphRun => ({ ...run, chars: [...run.text].map((_, k) => ({ x0: run.x0 + k * run.size, x1: run.x0 + (k + 1) * run.size })) });
const h = (at: number, from: number, to: number): Ruling => ({ orientation: 'H', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'V', at, from, to });
const page = (number: number, runs: GlyphRun[], rulings: Ruling[] = []): PdfPage => ({
  number,
  width: 595.92,
  height: 842.88,
  runs: [...runs, word(String(number), 295.45, 818.33, 300.54 + (number > 9 ? 5 : 0), 827.64)],
  glyphs: [],
  rulings,
  imageCover: 0,
});

describe('a row Chromium cut at a page break, its label wrapped over the cut (data/002 pp. 7-8, 表 4 基本支出总表)', () => {
  // Page 7 ends with the row 机关事业 / 单位基本 | 217. 00 | 217. 00 | 217. 00 | 0.00 …: the column
  // rulings run on to the page's end and no border closes the row. Page 8 opens with 养老保险 / 缴费 in
  // the first column and nothing else, no border over it, then the row 职业年金 / 缴费 | 109. 00 ….
  // 养 would not have fitted after 单位基本 in the first column (its glyph is an em wide, the room
  // left about 7 pt): the label wrapped there. The text (data/002 line 341) prints one row: 机关事业单位基本养老保险缴费 | 217. 00 | ….
  const COLS_7 = [48.2, 97, 140.7, 184, 235.1, 276.4, 319.2, 347.6, 376.8, 415.4, 449.6, 487.5, 516.7, 548];
  const COLS_8 = [48.2, 97, 140.7, 183.7, 235.4, 276.2, 319.2, 347.6, 376.8, 415.4, 449.6, 487.5, 516.7, 548];
  const amounts = (top: number, bottom: number, first: string) => [
    word(first, 100.39, top, 131.84, bottom),
    word(first, 143.65, top, 175.1, bottom),
    word(first, 186.91, top, 218.36, bottom),
    ...[239.06, 279.57, 322.25, 351.27, 380.29, 418.63, 452.65, 490.99, 520.01].map((x) => word('0.00', x, top, x + 18.35, bottom)),
  ];
  const page7 = page(
    7,
    [word('奖金', 51.47, 749.48, 68.96, 758.22), ...amounts(749.48, 758.22, '304. 56'), word('机关事业', 51.47, 765.51, 86.44, 774.25), ...amounts(765.51, 774.25, '217. 00'), word('单位基本', 51.47, 777.89, 86.44, 786.63)],
    [h(746.4, 48.2, 548), h(762.5, 48.2, 548), ...COLS_7.map((x) => v(x, 746.4, 792.7))],
  );
  const page8 = page(
    8,
    [glyphed(word('养老保险', 51.47, 52.22, 86.44, 60.97)), word('缴费', 51.47, 64.61, 68.96, 73.35), word('职业年金', 51.47, 80.64, 86.44, 89.38), ...amounts(87.2, 95.94, '109. 00'), word('缴费', 51.47, 93.02, 68.96, 101.77)],
    [h(77.6, 48.2, 548), h(106, 48.2, 548), ...COLS_8.map((x) => v(x, 51, 106))],
  );

  it('joins the label the cut broke, first cell included, into the row above the break', () => {
    const rows = renderPdf([page7, page8]).lines.filter((l) => l.kind === 'TABLE_ROW');
    const zeros = Array.from({ length: 9 }, () => '0.00');
    expect(rows.map((r) => [r.page, ...r.text.split('\t')])).toEqual([
      [7, '奖金', '304. 56', '304. 56', '304. 56', ...zeros],
      [7, '机关事业单位基本养老保险缴费', '217. 00', '217. 00', '217. 00', ...zeros],
      [8, '职业年金缴费', '109. 00', '109. 00', '109. 00', ...zeros],
    ]);
    // The piece on page 8 is where the row goes on: the page painter blacks it out with the row.
    expect(rows[1]!.more).toEqual([{ page: 8, box: [48.2, 51, 548, 77.6] }]);
  });
});

describe('paragraphs Chromium sets apart, one ending near the margin (data/004 p. 10, 绩效自评综述)', () => {
  // The page: (4)… ends with 预算执行率97%。 at x 533 (the margin is at 541-546), then 项目绩效目标完成情况：
  // opens the next paragraph 14.25 pt lower; the lines a paragraph wraps are 12.75 pt apart
  // (区数据… / 方式和…, …接入“深i / 您”2.0版本…). data/004 lines 341-343 print the two as lines of their own.
  // Page 10 of the print, given alone (renderPdf numbers a document's pages from 1).
  const p10 = page(1, [
    word('项目绩效目标完成情况：已完成社区数据治理、全区社', 48, 52.26, 264, 61.26, 9),
    word('区数据呈现指标体系梳理，23个社区数据汇聚与共享，3份基层智能数据简报输出，设计与美化社区可视化大屏数据指标呈现', 48, 67.26, 541.19, 76.26, 9),
    word('方式和5套社区可视化大屏通用模板设计。', 48, 80.01, 215.4, 89.01, 9),
    word('发现的主要问题及原因：各项指标都已完成，并未出现问题。', 48, 94.26, 291, 103.26, 9),
    word('下一步改进措施：暂无。', 48, 109.26, 147, 118.26, 9),
    word('（4）突发公共卫生事件应急处理绩效自评综述：项目全年预算数1,655.05万元，执行数1,605.63万元，预算执行率97%。', 48, 124.26, 533.03, 133.26, 9),
    word('项目绩效目标完成情况：较好地保障了区级温馨驿站承租、隔离人员及工作人员的食宿和防疫物资等后勤保障工作，接入“深i', 48, 138.51, 539.14, 147.51, 9),
    word('您”2.0版本，对接防疫平台，较好地实现了疫情防控的目标。', 48, 151.26, 289.48, 160.26, 9),
    word('发现的主要问题及原因：各项指标都已完成，并未出现问题。', 48, 166.26, 291, 175.26, 9),
  ]);

  it('keeps a paragraph that ends a sentence apart from the next one set a paragraph’s space lower', () => {
    const lines = renderPdf([p10]).lines.map((l) => l.text);
    expect(lines).toContain('（4）突发公共卫生事件应急处理绩效自评综述：项目全年预算数1,655.05万元，执行数1,605.63万元，预算执行率97%。');
    expect(lines).toContain('项目绩效目标完成情况：较好地保障了区级温馨驿站承租、隔离人员及工作人员的食宿和防疫物资等后勤保障工作，接入“深i您”2.0版本，对接防疫平台，较好地实现了疫情防控的目标。');
    // A paragraph's wrapped lines, 12.75 pt apart, still join.
    expect(lines).toContain('区数据呈现指标体系梳理，23个社区数据汇聚与共享，3份基层智能数据简报输出，设计与美化社区可视化大屏数据指标呈现方式和5套社区可视化大屏通用模板设计。');
  });
});

describe('a wrapped line opening with 第三方 (data/004 p. 15, 项目实施程序)', () => {
  // Three printed lines of one paragraph, the third opening "第三方检测对项目进行…" flush left under the
  // second, which reaches the margin (x 545.7); data/004 line 889 prints the paragraph as one line.
  // Page 15 of the print, given alone.
  const p15 = page(1, [
    word('### (1) 项目实施程序', 48, 717.51, 134.38, 726.51, 9),
    word('我局项目的立项、调整等程序均按规定履行了报批手续,项目招投标、建设、验收等实施严格执行相关制度规定,充分利用我区', 48, 731.76, 539.4, 740.76, 9),
    word('信息化项目设计、咨询、监理、造价、第三方检测的五个预选供应商库,预选采购专业且经验丰富的设计、咨询、监理、造价、', 48, 744.51, 545.7, 753.51, 9),
    word('第三方检测对项目进行全过程全方位跟踪、监督,有效保证了项目按时按量高质量完成。', 48, 757.26, 392.7, 766.26, 9),
    word('### (2) 项目监管', 48, 772.26, 116.38, 781.26, 9),
  ]);

  it('joins it to its paragraph: 第三 is no ordinal there', () => {
    const lines = renderPdf([p15]).lines.map((l) => l.text);
    expect(lines.filter((l) => l.startsWith('第三方'))).toEqual([]);
    expect(lines.find((l) => l.startsWith('我局项目的立项'))).toMatch(/监理、造价、第三方检测对项目进行全过程全方位跟踪、监督,有效保证了项目按时按量高质量完成。$/);
  });
});

describe('a header a page break repeats, wrapped at other places (data/002 pp. 7-8, 表 4 基本支出总表)', () => {
  // Chromium sets the table's columns on page 8 a little wider than on page 7 (page 7: 国有资本经 /
  // 营预算拨款 over two lines, page 8: one), and no space is printed where a cell wraps: the header
  // page 8 repeats reads 国有资本经营预算拨款 where page 7's reads 国有资本经 营预算拨款. It is the
  // same header (the page image: the same words in the same columns), dropped as a repeat, so the
  // rows below it (办公费 …) keep page 7's header paths (财政/一般公共预算拨款 …).
  const header = (row2: string) => ['\t\t\t财政\t拨款\t\t财政专户\t\t\t单位资金\t\t\t上年结余、', row2];
  const text = [
    '表 4',
    '基本支出总表',
    '部门名称:深圳市政务服务和数据管理局(本级)',
    '',
    ...header('支出项目类别\t总计\t小计\t一般公共预算拨款\t政府性基金 预算拨款\t国有资本经 营预算拨款\t管理资金\t事业收入\t事业单位 经营收入\t上级补助 收入\t附属单位 上缴收入\t其他收入\t结转'),
    '工资福利支出\t3,488.72\t3,488.72\t3,488.72\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0. 00\t0.00\t0.00',
    '商品和服务支出\t331. 71\t331. 71\t331.71\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00',
    '',
    '表 4',
    '基本支出总表',
    '部门名称:深圳市政务服务和数据管理局(本级)',
    '',
    ...header('支出项目类别\t总计\t小计\t一般公共预算拨款\t政府性基金 预算拨款\t国有资本经营预算拨款\t管理资金\t事业收入\t事业单位经营收入\t上级补助 收入\t附属单位上缴收入\t其他收入\t结转'),
    '办公费\t78. 63\t78.63\t78. 63\t0.00\t0. 00\t0.00\t0.00\t0.00\t0.00\t0. 00\t0. 00\t0.00',
  ].join('\n');

  it('drops the repeated header whatever spaces its wrapped cells were read with', () => {
    const tables = layout(text).tables.filter((t) => t.title.includes('基本支出总表'));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.cells[0])).toEqual(['', '支出项目类别', '工资福利支出', '商品和服务支出', '办公费']);
  });
});

describe('a page break at a row border Chromium does not draw, the next page opening with a row of its own (the 绩效目标 tables of data/003 and data/004)', () => {
  // The structure of the cut rows above (data/004's 产出指标 | 数量指标 | … rows cut over a page's end:
  // column rulings run on to the page's end, no border closes the last row, and the next page's
  // first row has no border over it), but the break falls between two rows: each of the next page's
  // cells opens text of its own. Every cell of the row above ends short of its cell's right edge:
  // none wrapped over the break, so nothing on the next page goes on from it. An indicator row
  // (一级指标 | 二级指标 | 三级指标 | 指标值) with no amount in it is a record of its own, never text
  // added to the row above — joined, its 三级指标 and 指标值 would be lost.
  const COLS = [48.4, 98.6, 240.4, 400, 546.9];
  const row = (cells: string[], top: number) =>
    cells.flatMap((text, k) => (text === '' ? [] : [word(text, COLS[k]! + 3.4, top, COLS[k]! + 3.4 + 9 * [...text].length, top + 9, 9)]));
  const above = page(5, [...row(['产出指标', '数量指标', '培训场次', '≥5场'], 705), ...row(['产出指标', '质量指标', '培训合格率', '≥95%'], 725)], [
    h(700, 48.4, 546.9),
    h(720, 48.4, 546.9),
    ...COLS.map((x) => v(x, 700, 792)),
  ]);
  const below = (first: string) =>
    page(6, [...row([first, '数量指标', '培训人次', '≥100人次'], 56), ...row(['效益指标', '社会效益指标', '培训覆盖面', '持续提升'], 80)], [h(75, 48.4, 546.9), h(95, 48.4, 546.9), ...COLS.map((x) => v(x, 51, 95))]);
  const rows = (next: PdfPage) => renderPdf([above, next]).lines.filter((l) => l.kind === 'TABLE_ROW').map((r) => [r.page, ...r.text.split('\t')]);

  it('keeps a row that opens a new 一级指标 apart from the row above the break', () => {
    expect(rows(below('产出指标'))).toEqual([
      [5, '产出指标', '数量指标', '培训场次', '≥5场'],
      [5, '产出指标', '质量指标', '培训合格率', '≥95%'],
      [6, '产出指标', '数量指标', '培训人次', '≥100人次'],
      [6, '效益指标', '社会效益指标', '培训覆盖面', '持续提升'],
    ]);
  });

  it('keeps a row whose 一级指标 cell is blank (the one above goes on) apart from the row above the break', () => {
    expect(rows(below(''))).toEqual([
      [5, '产出指标', '数量指标', '培训场次', '≥5场'],
      [5, '产出指标', '质量指标', '培训合格率', '≥95%'],
      [6, '', '数量指标', '培训人次', '≥100人次'],
      [6, '效益指标', '社会效益指标', '培训覆盖面', '持续提升'],
    ]);
  });
});
