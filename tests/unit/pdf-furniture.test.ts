// Page furniture (running headers, footers, page numbers) is dropped before tables are read, by
// where a line is printed: the page's top or bottom tenth. A table drawn from the top margin prints
// its first row there too. Given the page Chromium printed of data/004's 坪山新区管委会综合服务楼网络综合布线
// 项目 form (p. 67 of the print; the text is data/004 line 2302): the 国家编码 cell, 41 pt wide,
// wraps 2012-440317-39-01-701764 as "2012-" / "440317-39-" / "01-701764", and its first line, alone on
// its baseline at y 53.6-64.9 of 842.9 (the other cells centred lower), reads like a page number.
// The page is built here from its boxes (PDF points, origin top-left), the way extract.ts gives it.
import { describe, expect, it } from 'vitest';
import type { GlyphRun, PdfPage, Ruling } from '../../src/source/pdf/geometry.js';
import { renderPdf } from '../../src/source/pdf/render.js';

const glyphRun = (text: string, x0: number, top: number, size = 10.5): GlyphRun => ({ text, x0, x1: x0 + text.length * size * 0.55, top, bottom: top + size * 1.07, size });
const h = (at: number, from: number, to: number): Ruling => ({ orientation: 'H', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'V', at, from, to });

/** A 4-column, 2-row form from the top margin (y 50) and a page number at the foot. */
function formPage(number: number, footer: string): PdfPage {
  const cols = [60, 160, 360, 430, 472];
  const rows = [50, 100, 130];
  const rulings = [...rows.map((y) => h(y, cols[0]!, cols.at(-1)!)), ...cols.map((x) => v(x, rows[0]!, rows.at(-1)!))];
  const runs = [
    glyphRun('项目名称', 65, 69),
    glyphRun('综合布线项目', 165, 69),
    glyphRun('国家编码', 365, 69),
    // The wrapped 国家编码 value, top-aligned in its 42 pt cell.
    glyphRun('2012-', 432, 53.6, 7.5),
    glyphRun('440317-39-', 432, 66, 7.5),
    glyphRun('01-701764', 432, 78.4, 7.5),
    glyphRun('项目单位', 65, 109),
    glyphRun('政务服务数据管理局', 165, 109),
    glyphRun('行业归口', 365, 109),
    glyphRun('信息化', 432, 109, 7.5),
    glyphRun(footer, 280, 800),
  ];
  return { number, width: 595.3, height: 842.9, runs, glyphs: [], rulings, imageCover: 0 };
}

describe('page furniture and a table drawn from the top margin', () => {
  const pages = [formPage(1, '- 1 -'), formPage(2, '- 2 -'), formPage(3, '- 3 -')];
  const { lines } = renderPdf(pages);

  it('keeps a cell\'s first line printed in the top tenth: 国家编码 2012-440317-39-01-701764 whole', () => {
    const rows = lines.filter((l) => l.page === 1 && l.text.startsWith('项目名称'));
    expect(rows.map((l) => l.text.split('\t'))).toEqual([['项目名称', '综合布线项目', '国家编码', '2012-440317-39-01-701764']]);
  });

  it('still drops the page numbers printed at the foot', () => {
    expect(lines.filter((l) => /^-\s*\d\s*-$/.test(l.text))).toEqual([]);
  });
});
