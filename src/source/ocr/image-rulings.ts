// A scanned table's rulings, found on its image: long straight runs of dark pixels, horizontal
// and vertical, in pixels. They give the page the same grid a text layer's drawn lines give
// (grid.ts rebuilds the cells from them), and they are erased before the words are read —
// tesseract reads a ruling crossed by nothing as "|", "_" or noise, and a table's lines make it
// lose the rows (one page of 功能分类 read with its lines: 2 of 60 amounts; without: most).
import type { GrayImage } from './gray-image.js';

/** A pixel darker than this is ink. */
const INK = 160;

/** A ruling in pixels: `at` its middle row (H) or column (V), `from..to` its extent, `thick` its width. */
export interface PixelRuling {
  orientation: 'H' | 'V';
  at: number;
  from: number;
  to: number;
  /** First and last row (H) or column (V) of ink it covers. */
  lo: number;
  hi: number;
}

export interface RulingOptions {
  /** Pixels per point (dpi / 72). */
  scale: number;
}

/**
 * Shortest horizontal ruling (points): the narrowest column of a function table (类 | 款 | 项) is
 * ~36 pt wide; the longest stroke of a title's glyph (一 at 18 pt) ~16 pt.
 */
const MIN_H_PT = 20;
/** Shortest vertical ruling (points): a header row is ≥ ~18 pt high; a glyph's stroke meets no long horizontal ruling. */
const MIN_V_PT = 14;
/** A horizontal ruling this long (points) stands alone (an underline, a table's top); shorter ones must meet a vertical. */
const LONG_H_PT = 60;
/** Thickest line that is a ruling (points); thicker is a filled shape. */
const MAX_THICK_PT = 3;
/** A break in a run this short (pixels) is a scan's dropout, not the line's end. */
const GAP_PX = 2;

interface Run {
  line: number;
  from: number;
  to: number;
}

/** Runs of ink along each row (H) or column (V) at least `min` long. */
function runs(img: GrayImage, orientation: 'H' | 'V', min: number): Run[] {
  const { width, height, pixels } = img;
  const lines = orientation === 'H' ? height : width;
  const length = orientation === 'H' ? width : height;
  const out: Run[] = [];
  for (let l = 0; l < lines; l++) {
    let start = -1;
    let lastInk = -1;
    for (let k = 0; k <= length; k++) {
      const ink = k < length && pixels[orientation === 'H' ? l * width + k : k * width + l]! < INK;
      if (ink) {
        if (start < 0) start = k;
        lastInk = k;
      } else if (start >= 0 && k - lastInk > GAP_PX) {
        if (lastInk - start + 1 >= min) out.push({ line: l, from: start, to: lastInk });
        start = -1;
      }
    }
  }
  return out;
}

/** Runs on neighbouring rows (columns) that overlap are one ruling drawn a few pixels thick. */
function merge(found: Run[], orientation: 'H' | 'V', maxThick: number): PixelRuling[] {
  const open: { lo: number; hi: number; from: number; to: number }[] = [];
  const done: { lo: number; hi: number; from: number; to: number }[] = [];
  for (const r of found.sort((a, b) => a.line - b.line || a.from - b.from)) {
    const m = open.find((o) => r.line - o.hi <= 1 && r.from <= o.to && r.to >= o.from);
    if (m) {
      m.hi = r.line;
      m.from = Math.min(m.from, r.from);
      m.to = Math.max(m.to, r.to);
    } else open.push({ lo: r.line, hi: r.line, from: r.from, to: r.to });
    // Close those the scan has passed.
    for (let i = open.length - 1; i >= 0; i--) if (r.line - open[i]!.hi > 1) done.push(...open.splice(i, 1));
  }
  done.push(...open);
  return done.filter((d) => d.hi - d.lo + 1 <= maxThick).map((d) => ({ orientation, at: (d.lo + d.hi) / 2, from: d.from, to: d.to, lo: d.lo, hi: d.hi }));
}

/**
 * The page's rulings. Horizontal: runs of ink at least MIN_H_PT long. Vertical: at least MIN_V_PT
 * and meeting a horizontal ruling (a table's lines meet; a glyph's stroke stands alone). A short
 * ruling is kept only where it belongs to a grid: joined, through the rulings it meets, to a
 * horizontal one LONG_H_PT long (a table's top, bottom or a row's line across it). The strokes of
 * large type meet each other too — a title's 区 or 口 at 24 pt is a box of strokes 20-30 pt long, 1-3
 * pt thick, that looked like a cell — and were erased from the cover before it was read (its title
 * came back as 了 - 二 21 立 …); no glyph's strokes join a line 60 pt long.
 */
export function findRulings(img: GrayImage, { scale }: RulingOptions): PixelRuling[] {
  const maxThick = Math.max(2, Math.round(MAX_THICK_PT * scale));
  const near = Math.max(3, Math.round(1.5 * scale));
  const meet = (h: PixelRuling, v: PixelRuling) => v.at >= h.from - near && v.at <= h.to + near && h.at >= v.from - near && h.at <= v.to + near;
  const hs = merge(runs(img, 'H', Math.round(MIN_H_PT * scale)), 'H', maxThick);
  const vs = merge(runs(img, 'V', Math.round(MIN_V_PT * scale)), 'V', maxThick).filter((v) => hs.some((h) => meet(h, v)));
  const long = LONG_H_PT * scale;
  // From the long horizontals out, through the rulings each meets: the grids' rulings.
  const inGrid = new Set<PixelRuling>(hs.filter((h) => h.to - h.from >= long));
  for (let frontier = [...inGrid]; frontier.length; ) {
    const next: PixelRuling[] = [];
    for (const r of frontier) {
      for (const o of r.orientation === 'H' ? vs : hs) {
        if (!inGrid.has(o) && (r.orientation === 'H' ? meet(r, o) : meet(o, r))) {
          inGrid.add(o);
          next.push(o);
        }
      }
    }
    frontier = next;
  }
  return [...hs, ...vs].filter((r) => inGrid.has(r));
}

/** Pixels painted white either side of a ruling: its anti-aliased edge, which tesseract reads as a quote or a bracket. */
const PAD = 2;

/** A copy of the image with the rulings painted white (PAD pixels either side too). */
export function eraseRulings(img: GrayImage, rulings: readonly PixelRuling[]): GrayImage {
  const pixels = new Uint8Array(img.pixels);
  const { width, height } = img;
  for (const r of rulings) {
    for (let l = Math.max(0, r.lo - PAD); l <= Math.min((r.orientation === 'H' ? height : width) - 1, r.hi + PAD); l++)
      for (let k = Math.max(0, r.from); k <= Math.min((r.orientation === 'H' ? width : height) - 1, r.to); k++) pixels[r.orientation === 'H' ? l * width + k : k * width + l] = 255;
  }
  return { width, height, pixels };
}
