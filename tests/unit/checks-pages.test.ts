// The page rule (#38, the reviewer's 目录后有一页多余的空表页): a page between printed pages that
// prints nothing, or only its page number, is a finding with its page, from the page map a PDF
// gives (LinePlace.page) or the form feeds of a text (pdftotext writes one per page).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { readText } from '../../src/source/index.js';
import type { Anomaly } from '../../src/parse/records.js';

const blank = (anomalies: Anomaly[]) => anomalies.filter((a) => a.kind === 'BLANK_PAGE');

// dept_budget.pdf as printed: the cover (p. 1), the contents (p. 2), nothing on p. 3 (its image is
// white), the 主要职能 (p. 4), and the 收入预算总表's first rows (p. 11, here the next page).
const PAGES: string[][] = [
  ['上海市普陀区2026年区级部门预算', '预算主管部门：上海市普陀区司法局'],
  ['目 录', '一、部门主要职能 ……………………', '七、项目经费情况说明 ……………………'],
  [],
  ['上海市普陀区司法局主要职能', '上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门，主要职责是：'],
  [
    '2026年部门收入预算总表',
    '编制部门：上海市普陀区司法局\t单位：元',
    '功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入',
    '类\t款\t项\t\t\t\t\t\t',
    '221\t\t\t住房保障支出\t4521559.00\t4521559.00\t0.00\t0.00\t0.00',
    '221\t02\t\t住房改革支出\t4521559.00\t4521559.00\t0.00\t0.00\t0.00',
    '221\t02\t01\t住房公积金\t2087959.00\t2087959.00\t0.00\t0.00\t0.00',
    '221\t02\t03\t购房补贴\t2433600.00\t2433600.00\t0.00\t0.00\t0.00',
  ],
];
const PAGE_NUMBERS = [1, 2, 3, 4, 5];

/** The pages as a PDF source gives them: each line with its page, no line on a page printing nothing. */
function asPdf(pages: string[][], numbers: number[]) {
  const lines: string[] = [];
  const places: { page: number; cells: [number, number, number, number][] }[] = [];
  pages.forEach((page, k) => {
    for (const l of page) {
      lines.push(l);
      places.push({ page: numbers[k]!, cells: [[0, 0, 10, 10]] });
    }
  });
  return { text: lines.join('\n'), places };
}

describe('a blank page between printed pages', () => {
  it('dept_budget.pdf p. 3, after the contents: one INFO finding citing the last contents line (p. 2) and the first line of p. 4', () => {
    const { text, places } = asPdf(PAGES, PAGE_NUMBERS);
    const found = blank(parseDocument(text, 'dept_budget.pdf', [], places).anomalies);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('INFO');
    expect(found[0]!.message).toMatch(/^page 3 is blank/);
    expect(found[0]!.sources.map((s) => s.text)).toEqual(['七、项目经费情况说明 ……………………', '上海市普陀区司法局主要职能']);
  });

  it('the same pages from pdftotext: two form feeds in a row are the blank page', () => {
    // pdftotext ends every page with a form feed: p. 3 printing nothing is \f\f.
    const text = PAGES.map((p) => p.join('\n')).join('\n\f');
    const source = readText(new TextEncoder().encode(text), 'dept_budget.txt');
    const found = blank(parseDocument(source.text, 'dept_budget.txt', [], source.places).anomalies);
    expect(found.map((a) => a.message.slice(0, 16))).toEqual(['page 3 is blank:']);
  });

  it('a page printing only its page number is blank too', () => {
    const pages = PAGES.map((p, k) => (k === 2 ? ['- 3 -'] : p));
    const { text, places } = asPdf(pages, PAGE_NUMBERS);
    const found = blank(parseDocument(text, 'dept_budget.pdf', [], places).anomalies);
    expect(found.map((a) => a.message)).toEqual([expect.stringMatching(/^page 3 is blank but for its page number/)]);
  });

  it('上海市普陀区财政局2024年度部门决算.pdf p. 14: an empty ruled row alone on its page is said as such', () => {
    // p. 13 ends the 收入支出决算总表 with 总计; p. 14's image prints one empty row of the grid, no text.
    const pages = [PAGES[0]!, PAGES[1]!, ['\t\t\t\t\t\t'], PAGES[3]!, PAGES[4]!];
    const { text, places } = asPdf(pages, PAGE_NUMBERS);
    places[pages[0]!.length + pages[1]!.length]!.cells = Array.from({ length: 7 }, (_, i): [number, number, number, number] => [i * 10, 0, i * 10 + 10, 10]);
    const found = blank(parseDocument(text, 'x.pdf', [], places).anomalies);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^page 3 prints no text, only an empty row of table cells/);
  });

  it('none where every page prints, nor without a page map, nor on a scanned page the source could not read', () => {
    const printed = PAGES.filter((p) => p.length > 0);
    const { text, places } = asPdf(printed, [1, 2, 3, 4]);
    expect(blank(parseDocument(text, 'x.pdf', [], places).anomalies)).toEqual([]);
    const gap = asPdf(PAGES, PAGE_NUMBERS);
    expect(blank(parseDocument(gap.text, 'x.txt').anomalies)).toEqual([]);
    const note = { level: 'WARNING' as const, code: 'PAGE_NOT_READ', message: 'page 3 is a scanned image with no text layer; its facts are not read (OCR is off)', line: 1 };
    expect(blank(parseDocument(gap.text, 'x.pdf', [note], gap.places).anomalies)).toEqual([]);
  });

  it('a run of blank pages is one finding, however long (a text of a million form feeds)', () => {
    const text = `${PAGES.slice(0, 2).map((p) => p.join('\n')).join('\n\f')}\n${'\f'.repeat(1_000_000)}${PAGES.slice(3).map((p) => p.join('\n')).join('\n\f')}`;
    const source = readText(new TextEncoder().encode(text), 'x.txt');
    const started = performance.now();
    const found = blank(parseDocument(source.text, 'x.txt', [], source.places).anomalies);
    expect(found.map((a) => a.message.slice(0, 26))).toEqual(['pages 3-1000001 are blank:']);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('pages after the last printed one (pdftotext’s closing form feed) are not between printed pages', () => {
    const text = `${PAGES.map((p) => p.join('\n')).join('\n\f')}\n\f`;
    const source = readText(new TextEncoder().encode(text), 'x.txt');
    expect(blank(parseDocument(source.text, 'x.txt', [], source.places).anomalies).map((a) => a.message.slice(0, 6))).toEqual(['page 3']);
  });
});
