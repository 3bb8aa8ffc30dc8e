// What a PDF page prints, in PDF points with the origin at the page's top-left corner (y grows
// downwards, as a reader's eye and pdfplumber's `top` / `bottom` go): the glyph runs and the
// drawn rulings. Produced by extract.ts, consumed by the pure layout stages beside it.

/** A box [x0, top, x1, bottom] in PDF points from the page's top-left corner. */
export type Box = readonly [number, number, number, number];

/** Where one character of a run is printed: its left and right edge (a glyph's advance). */
export interface CharBox {
  x0: number;
  x1: number;
}

/** A run of glyphs the PDF shows in one font at one baseline (pdf.js's text item). */
export interface GlyphRun {
  text: string;
  /** Left edge, baseline-relative top and bottom, right edge. */
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size in points (the glyph height the run is set at). */
  size: number;
  /**
   * Each UTF-16 unit of `text`, where it is printed (a space: the gap it stands for), once the
   * run's glyphs were found among the page's glyphs (glyphs.ts: done for runs that cross a
   * table's rulings); absent otherwise. A run can hold the contents of two neighbouring cells
   * ("82,096,797.42 82,096,797.42"): these boxes let the table reader cut it at the ruling.
   */
  chars?: CharBox[];
}

/** A drawn horizontal or vertical line segment: a table's ruling (a stroked line or a thin filled rectangle). */
export interface Ruling {
  orientation: 'H' | 'V';
  /** For H: y; for V: x. */
  at: number;
  /** For H: x0..x1; for V: top..bottom. */
  from: number;
  to: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: GlyphRun[];
  /** Every upright glyph the page draws, where it is: runs that cross a table's rulings are cut with them (glyphs.ts). */
  glyphs: PrintedGlyph[];
  rulings: Ruling[];
  /** Images drawn on the page covering most of it: a scanned page when it has no text. */
  imageCover: number;
  /** Lines of text the page's clip cuts through (part of each glyph shows, part does not): none when absent. */
  cut?: CutText[];
}

/**
 * A line of glyphs a clip cuts through: the reader sees part of each (the top half of a line at a
 * frame's foot, whose text the frame prints again in full on the next page). Glyphs wholly outside
 * the clip are not printed at all and are no CutText; glyphs whose centre the clip hides are not
 * read (extract.ts), those whose centre it shows are.
 */
export interface CutText {
  /** The glyphs' boxes together (their em boxes: 0.86 of the size above the baseline, 0.14 below). */
  box: Box;
  /** The glyphs drawn there, as the font names them: evidence for whoever checks the page, never content. */
  text: string;
  /** How many of them are not read (their centre outside the clip). */
  unread: number;
}

/** One glyph as the page shows it: its text (pdf.js's unicode, normalised as text items are), advance box and baseline. */
export interface PrintedGlyph {
  text: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
}

export const boxOf = (r: { x0: number; x1: number; top: number; bottom: number }): Box => [r.x0, r.top, r.x1, r.bottom];

export function unionBox(boxes: readonly Box[]): Box {
  let [x0, t, x1, b] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const bx of boxes) {
    x0 = Math.min(x0, bx[0]);
    t = Math.min(t, bx[1]);
    x1 = Math.max(x1, bx[2]);
    b = Math.max(b, bx[3]);
  }
  return [x0, t, x1, b];
}

/** Rounded to 0.01 pt: boxes are provenance, not geometry to compute with. */
const cents = (v: number) => Math.round(v * 100) / 100;
export const roundBox = (b: Box): Box => [cents(b[0]), cents(b[1]), cents(b[2]), cents(b[3])];
