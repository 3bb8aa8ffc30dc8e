// A table's first row on a page that is a whole row of its own, not the rest of the row above the
// page break. Given the pages Chromium printed of data/003 (`npx tsx scripts/print-pdf.ts
// data/003_beb2cb8da5a2afe3.txt out.pdf`, pp. 2-3; the text is data/003 lines 24-25): the 绩效目标
// form's columns are 17.2 | 349.5 | 45.0 | 46.5 | 41.3 pt wide. Page 2 ends with the row
// 审查法务 / 文件数量 (two lines in the 三级指标 cell) | ≥50份 (one line, centred in its cell: 9.1 pt
// above it, 11.1 below, where the two-line cell beside it has 3.1 and 4.4), the table's bottom border
// under it. Page 3 opens with a border, then 出具审计 / 报告数量 | ≥1份, centred the same way. Both
// labels fill their narrow cell's width, so 出 could not have followed 文件数量 on its line, nor ≥1
// ≥50份: by width alone the top row reads like the rest of a row the page cut (LibreOffice's
// three-costs-row-cut.pdf, investment-form-row-cut.pdf: tests/unit/pdf-libreoffice.test.ts).
// But ≥50份 sits lower than its row's top line with a line's room to spare: its text ended there.
// The pages are built from their boxes: the words as `pdftotext -bbox-layout` gives them, the
// rulings where extract.ts reads them (the borders of the page image), PDF points from the top-left.
import { describe, expect, it } from 'vitest';
import type { GlyphRun, PdfPage, Ruling } from '../../src/source/pdf/geometry.js';
import { renderPdf } from '../../src/source/pdf/render.js';

const word = (text: string, x0: number, top: number, x1: number, bottom: number): GlyphRun => ({ text, x0, x1, top, bottom, size: 9 });
const h = (at: number, from: number, to: number): Ruling => ({ orientation: 'H', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'V', at, from, to });

const COLS = [48.4, 65.6, 415.1, 460.1, 506.6, 547.9];
function page(number: number, rows: number[], runs: GlyphRun[]): PdfPage {
  const rulings = [...rows.map((y) => h(y, COLS[0]!, COLS.at(-1)!)), ...COLS.map((x) => v(x, rows[0]!, rows.at(-1)!))];
  return { number, width: 595.92, height: 842.88, runs: [...runs, word(String(number), 295.45, 818.33, 300.54, 827.64)], glyphs: [], rulings, imageCover: 0 };
}

// Page 2: the table's last two rows (开展党建活动次数 ≥12次 above the last one).
const page2 = page(2, [715.1, 744.4, 773.6], [
  word('开展党建', 463.28, 717.33, 499.28, 728.67),
  word('活动次数', 463.28, 730.08, 499.28, 741.42),
  word('≥12次', 509.75, 723.33, 537.04, 734.67),
  word('审查法务', 463.28, 746.58, 499.28, 757.92),
  word('文件数量', 463.28, 759.33, 499.28, 770.67),
  word('≥50份', 509.75, 752.58, 537.04, 763.92),
]);
// Page 3: the table's first two rows.
const page3 = page(3, [51.4, 80.6, 122.6], [
  word('出具审计', 463.28, 53.58, 499.28, 64.92),
  word('报告数量', 463.28, 66.33, 499.28, 77.67),
  word('≥1份', 509.75, 59.58, 531.64, 70.92),
  word('提供专业', 463.28, 82.83, 499.28, 94.17),
  word('培训服务', 463.28, 95.58, 499.28, 106.92),
  word('次数', 463.28, 108.33, 481.28, 119.67),
  word('≥9次', 509.75, 95.58, 531.64, 106.92),
]);

describe('a whole row at the top of a page, in narrow cells (Chromium, data/003 pp. 2-3)', () => {
  const rows = (lines: { text: string; page: number }[], page: number) => lines.filter((l) => l.page === page && l.text.includes('\t')).map((l) => l.text.split('\t'));

  it('keeps the row above the break and the row below it apart', () => {
    const { lines } = renderPdf([page2, page3]);
    expect(rows(lines, 2)).toEqual([
      ['', '', '', '开展党建活动次数', '≥12次'],
      ['', '', '', '审查法务文件数量', '≥50份'],
    ]);
    expect(rows(lines, 3)).toEqual([
      ['', '', '', '出具审计报告数量', '≥1份'],
      ['', '', '', '提供专业培训服务次数', '≥9次'],
    ]);
  });
});
