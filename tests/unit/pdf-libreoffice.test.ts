// The PDF reader on LibreOffice Writer's prints (#37 item 8), the second producer beside Chromium:
// small excerpts of data/*.txt printed by scripts/print-pdf-libreoffice.ts (the .txt beside each
// PDF in tests/fixtures/libreoffice/ is what was printed; regenerate with
// `npx tsx scripts/print-pdf-libreoffice.ts X.txt X.pdf [--letter]`). Every expected cell below was
// read off the page image (`pdftoppm -r 80 -f N -l N -png FILE out`), never copied from the parser.
// The whole documents' parity is tests/integration/pdf-libreoffice.test.ts.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSource, type SourceDocument } from '../../src/source/index.js';

const DIR = 'tests/fixtures/libreoffice';
const sources = new Map<string, SourceDocument>();
const source = async (name: string) => {
  if (!sources.has(name)) sources.set(name, await readSource(readFileSync(`${DIR}/${name}`), name));
  return sources.get(name)!;
};

/** The cells of the text line on `page` whose first cells are `first` (a row label after an empty code cell: ['', '合计']). */
function row(src: SourceDocument, page: number, ...first: string[]): string[] {
  const lines = src.text.split('\n');
  const found = lines.filter((l, i) => src.places![i]!.page === page && l.includes('\t') && first.every((c, k) => l.split('\t')[k] === c));
  expect(found, `p. ${page}: the row ${first.join(' ')}`).toHaveLength(1);
  return found[0]!.split('\t');
}

describe('部门收入总表 of 000 on A4 landscape, 21 columns as wide as their text (income-table-narrow-columns.pdf)', () => {
  // Page 1: the amounts of 收入总计 | 合计 | 小计 wrap in their narrow columns ("6,92" over "8",
  // "6,26" over "5"), the codes too ("2010" over "3", "2010" over "301"); the cell leaves 4.6 pt
  // beside "6,92" by the rulings' centres, for a 4.5 pt "8".
  const FILE = 'income-table-narrow-columns.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });

  it('reads an amount LibreOffice wrapped inside its cell as one amount', () => {
    expect(row(src, 1, '', '合计').slice(0, 8)).toEqual(['', '合计', '6,928', '6,928', '6,928', '6,928', '6,928', '0']);
    expect(row(src, 1, '201').slice(0, 8)).toEqual(['201', '一般公共服务支出', '6,265', '6,265', '6,265', '6,265', '6,265', '0']);
    expect(row(src, 1, '20103').slice(0, 5)).toEqual(['20103', '政府办公厅（室）及相关机构事务', '4,668', '4,668', '4,668']);
    expect(row(src, 1, '2010504').slice(0, 5)).toEqual(['2010504', '信息事务', '1,590', '1,590', '1,590']);
  });
});

describe('a row the page break cuts, LibreOffice drawing a border at the cut (three-costs-row-cut.pdf, 001 表 9 on US Letter)', () => {
  // Page 1 ends with the 三公 table's row 增减: "增减" in the 年度 column, "-" over "18.0" under 总计
  // and under 购置费, 0.00 elsewhere, -18.00 under 公务用车 小计; the bottom border closes it. Page 2
  // opens with the rest of that row, a border on top: "变化金额" (one glyph a line) and "0" under
  // 总计 and under 购置费, its other cells empty. The text (001 line 431) prints the row once.
  const FILE = 'three-costs-row-cut.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });

  it('joins the two pieces into one row, the number the cut broke whole', () => {
    const zeros = (n: number) => Array.from({ length: n }, () => '0.00');
    expect(row(src, 1, '', '增减变化金额')).toEqual(['', '增减变化金额', '-18.00', ...zeros(8), '-18.00', '0.00', '0.00', '-18.00', ...zeros(5)]);
    expect(src.text.split('\n').filter((l) => l.startsWith('\t变化金额'))).toEqual([]);
  });
});

describe('a row cut inside a word, LibreOffice drawing a border at the cut (investment-form-row-cut.pdf, 004 line 1808 on, after 14 lines of filler)', () => {
  // Page 1 ends with the row 是否开工: '<input checked="" type="checkbox"/> 是 <input' in its second
  // cell (the line left too narrow for the word 'type="checkbox"/>', wider than one glyph), 开工日期,
  // 2017 年 10 月 13 日; a border under it. Page 2 opens with the rest: 'type="checkbox"/> 否' in the
  // second cell, a border over it, the other cells empty. Then 是否竣工, a row of its own.
  const FILE = 'investment-form-row-cut.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });
  const squeeze = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, ''));

  it('joins the pieces when the line above could not hold the word the next page opens with', () => {
    expect(squeeze(row(src, 1, '是否开工'))).toEqual(['是否开工', '<inputchecked=""type="checkbox"/>是<inputtype="checkbox"/>否', '', '开工日期', '2017年10月13日']);
    expect(src.text.split('\n').filter((l) => l.startsWith('\ttype='))).toEqual([]);
    expect(squeeze(row(src, 2, '是否竣工'))).toEqual(['是否竣工', '<inputchecked=""type="checkbox"/>是<inputtype="checkbox"/>否', '', '竣工日期', '2018年12月6日']);
  });
});

describe('a paragraph whose line ends short because the next word is long (flattened-table-long-token.pdf, 002 lines 381-387)', () => {
  // Page 1: 项目支出总表, 单位: 万元, 部门名称:…, then one paragraph of four printed lines: the first
  // reaches the right margin, the second ends short at "0.00 934, 34" because the next word
  // "0.000.000.000.000.000.000.000.000.00" (as wide as a third of the line) goes down whole, the
  // third reaches the margin, the fourth ends at "1,915.51 1,915.51". The text prints it as one line.
  const FILE = 'flattened-table-long-token.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });

  it('joins the line after the short one into the same paragraph', () => {
    const lines = src.text.split('\n').filter((l) => l.trim() !== '');
    expect(lines.slice(0, 3)).toEqual(['项目支出总表', '单位: 万元', '部门名称:深圳市政务服务和数据管理局(本级)']);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^2024 ?年预算 财政拨款/);
    expect(lines[3]).toMatch(/0\.00 934, 34 ?0\.000\.000\.000/);
    expect(lines[3]).toMatch(/1,915\.51 1,915\.51$/);
  });
});

describe('a whole row opening a page stays a row of its own (上海市普陀区财政局2024年度部门决算.pdf, pp. 6-7)', () => {
  // Page 6 ends the 收入支出决算总表 with 本年收入合计 | 2,946.25 | 本年支出合计 | 2,940.05, each label
  // centred in its cell with room on both sides; page 7 opens with a border, then 使用非财政拨款结余
  // （含专用结余）| (blank) | 结余分配 | (blank): a row of its own, not the rest of the one above.
  const FILE = '上海市普陀区财政局2024年度部门决算.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await readSource(readFileSync(`tests/fixtures/real/${FILE}`), FILE, { ocr: false });
  }, 60_000);

  it('does not join a row to a centred label above it', () => {
    expect(row(src, 6, '本年收入合计')).toEqual(['本年收入合计', '2,946.25', '本年支出合计', '2,940.05']);
    expect(row(src, 7, '使用非财政拨款结余（含专用结余）')).toEqual(['使用非财政拨款结余（含专用结余）', '', '结余分配', '']);
  });
});

describe('a heading after a paragraph whose last line reaches the margin (heading-after-full-line.pdf, 001 lines 39-45)', () => {
  // Page 1: "### 一、部门职责"; a paragraph of two printed lines, the second ending "…的集中统一领导。" at
  // the right margin; "### 二、机构设置情况" at the left margin; a paragraph of two lines.
  const FILE = 'heading-after-full-line.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });

  it('starts a line of its own at a heading mark', () => {
    const lines = src.text.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^贯彻党中央.*的集中统一领导。$/);
    expect(lines[2]).toBe('### 二、机构设置情况');
  });
});

describe('prose on portrait pages, a table of 21 columns on a landscape one (landscape-table-among-prose.pdf, 001 lines 89-97 and 418-431 on US Letter)', () => {
  // Page 1 (portrait, 612 pt wide): items 7., 8., 9., 10. of the project list, paragraphs of two
  // or three printed lines, all but the last reaching the right margin at x ≈ 561; 10.'s last line
  // reaches it too, then "表 9" at the left margin; page 2 (landscape, 792 pt wide): 表 9's 三公
  // table across the page, to x ≈ 741.
  const FILE = 'landscape-table-among-prose.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });

  const item = (n: string) => src.text.split('\n').filter((l) => l.startsWith(n));

  it('joins a paragraph’s lines by the portrait page’s margin, not the landscape table’s edge', () => {
    expect(item('7.')).toHaveLength(1);
    expect(item('7.')[0]).toMatch(/^7\. 办公设备购置（通用项目）26\.00 万元.*正门安检设备购置经费。$/);
    expect(item('8.')[0]).toMatch(/^8\. 培训经费（通用项目）5\.00 万元.*增加了政务公开业务培训费用。$/);
    expect(item('9.')[0]).toMatch(/^9\. 城市建设-智慧城市建设和政务信息化 110\.00 万元.*已完成竣工验收。$/);
  });

  it('joins a line that ends short of the margin when the number opening the next, with the comma after it, would not fit', () => {
    // Item 10's first printed line ends "…增加 883.20 万元，增幅" at x ≈ 525, 36 pt short of the
    // margin: "787.2%" (28 pt, a Latin font) and the "，" after it (9 pt, a CJK font) go down together.
    expect(item('10.')).toHaveLength(1);
    expect(item('10.')[0]).toMatch(/^10\. 一般管理事务 995\.40 万元.*增幅 ?787\.2%，主要原因是.*安排在项目支出列支。$/);
  });

  it('starts a line of its own at 表 9 after a full line', () => {
    expect(src.text.split('\n').filter((l) => l.trim() === '表 9')).toHaveLength(1);
  });
});

describe('a space printed between a Latin and a CJK font (header-space-font-change.pdf, 001 lines 217-239 on US Letter)', () => {
  // Page 1: 收支总表's header row 项 目 | 2024 年预算数 | 项 目 | 2024 年预算数, "2024" in Liberation
  // Serif, a space glyph 2.2 pt wide, "年预算数" in WenQuanYi; pdf.js hands the space over as an
  // item of its own, the gap no wider than a quarter em. Last row: 收 入 总 计 | 6,762.91 | 支 出 总 计 | 6,762.91.
  const FILE = 'header-space-font-change.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });

  it('keeps the space the page draws', () => {
    expect(row(src, 1, '项 目')).toEqual(['项 目', '2024 年预算数', '项 目', '2024 年预算数']);
  });
});

describe('a paragraph among lines that hang their last punctuation past the margin (prose-hung-punctuation.pdf, 004 lines 398-540 on A4 landscape)', () => {
  // Page 1: lines ending in "，" or "。" hang it past the right margin (x ≈ 798 against 791). The
  // paragraph "2020 年度一般公共预算财政拨款支出决算为 19,077.16 万元，…" prints three lines: the
  // second ends "…占比 8.7%；住房保障支出" at x ≈ 764, "270.85" (27 pt) not fitting before the
  // margin; the third is "270.85 万元，占比 1.4%。".
  const FILE = 'prose-hung-punctuation.pdf';
  let src: SourceDocument;
  beforeAll(async () => {
    src = await source(FILE);
  });

  it('joins the paragraph by the margin, not by the hung marks beyond it', () => {
    const lines = src.text.split('\n');
    const paragraph = lines.filter((l) => l.startsWith('2020 年度一般公共预算财政拨款支出决算为'));
    expect(paragraph).toHaveLength(1);
    expect(paragraph[0]).toMatch(/占比 8\.7%；住房保障支出 ?270\.85 万元，占比 1\.4%。$/);
    expect(lines.filter((l) => l.startsWith('270.85'))).toEqual([]);
  });
});
