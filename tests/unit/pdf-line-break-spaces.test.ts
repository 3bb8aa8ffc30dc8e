// A space the page prints at the end of a line (#37: "a space at a line break is lost when lines
// are joined"). Word prints a line's trailing space as a glyph of the line (pdf.js's run ends in it:
// 规划和自然资源局 2024 决算's Word 2010 pages end 31 runs so, tests/fixtures/real); Chromium and
// LibreOffice draw none at a wrap (no run of the 37 PDFs of tests/fixtures and of data/ printed by
// either ends a wrapped line in a Latin word and a space). Constructed lines, not a document's
// facts: where the page prints the space, the text keeps it beside a Latin word or number, and a
// number ends there instead of gluing to the next line's digits.
import { describe, expect, it } from 'vitest';
import type { GlyphRun, PdfPage, Ruling } from '../../src/source/pdf/geometry.js';
import { renderPdf } from '../../src/source/pdf/render.js';

const word = (text: string, x0: number, top: number, x1: number, bottom: number): GlyphRun => ({ text, x0, x1, top, bottom, size: 9 });
const h = (at: number, from: number, to: number): Ruling => ({ orientation: 'H', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'V', at, from, to });
const page = (runs: GlyphRun[], rulings: Ruling[] = []): PdfPage => ({ number: 1, width: 595.92, height: 842.88, runs, glyphs: [], rulings, imageCover: 0 });

describe('a space printed at a line break', () => {
  it('is kept when a paragraph’s lines are joined, between a number and the word after it', () => {
    // Line 1 reaches the margin (x 545) ending "… 2024 " (the space drawn), line 2 opens "年预算…".
    const { lines } = renderPdf([
      page([
        word('本单位公务用车购置费预算数 0 万元，较上年年初预算增加 0 万元，主要是本单位未安排公务用车购置经费，预算年度 2024 ', 48, 100, 545, 109),
        word('年预算与上年保持一致，无变化。', 48, 112.75, 183, 121.75),
        word('下一段以两个字的缩进开始，宽度不到页边。', 66, 125.5, 246, 134.5),
      ]),
    ]);
    expect(lines[0]!.text).toBe('本单位公务用车购置费预算数 0 万元，较上年年初预算增加 0 万元，主要是本单位未安排公务用车购置经费，预算年度 2024 年预算与上年保持一致，无变化。');
  });

  it('ends a number in a narrow cell: the next line’s digits are another number', () => {
    // One ruled cell 20 pt wide: "100 " fills its first line, "200" its second. Without the
    // printed space the two would read as one number wrapped in the cell (100200).
    const rulings = [h(100, 100, 160), h(124, 100, 160), v(100, 100, 124), v(120, 100, 124), v(160, 100, 124)];
    const { lines } = renderPdf([page([word('100 ', 102, 101, 117, 110), word('200', 102, 112, 115.5, 121), word('合计', 124, 106.5, 142, 115.5)], rulings)]);
    expect(lines.map((l) => l.text)).toEqual(['100 200\t合计']);
  });
});
