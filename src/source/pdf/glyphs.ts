// Where each character of a text run is printed. pdf.js's text items (the runs) join glyphs that
// sit close on one baseline, so one item can hold the contents of two neighbouring cells
// ("82,096,797.42 82,096,797.42", a code and its name) and its box straddles the ruling between
// them. The drawing operators place every glyph (extract.ts follows the text state to find each
// glyph's advance); here a run's characters are matched to the glyphs printed inside its box
// (render.ts asks for the runs that cross a table's rulings, and for a cell's wrapped line), so
// that the table reader can give each character the cell its centre falls in, as pdfplumber
// assigns characters to cells (table.py: a char belongs to the cell that holds its centre). Pure.
import type { CharBox, GlyphRun, PrintedGlyph } from './geometry.js';

export type { PrintedGlyph } from './geometry.js';

const SPACE = /\s/;

/**
 * Gives each run whose glyphs are found its `chars` (one box per UTF-16 unit of its text).
 * `bases[i]` is run i's baseline; `normalize` is the normalisation pdf.js applied to the run's
 * text (ligatures, compatibility forms), if the glyphs' texts have not had it already.
 * A glyph serves one run only; glyphs inside a run's box that are not its text (a second copy of
 * it drawn for a bold effect) are passed over. A run whose text is not found in order keeps no
 * boxes and is placed whole, as before. Returns how many runs were given boxes.
 */
export function attachChars(runs: GlyphRun[], bases: number[], glyphs: PrintedGlyph[], normalize: (s: string) => string): number {
  return glyphIndex(glyphs, normalize).attach(runs, bases);
}

/** A page's glyphs by baseline, for attaching runs' characters a few at a time (see attachChars). */
export interface GlyphIndex {
  attach(runs: GlyphRun[], bases: number[]): number;
}

/**
 * A baseline's glyphs (their indices): those with a finite left edge sorted left to right, a run
 * looking at those within its own width only (a wide table row's baseline holds hundreds of
 * glyphs, and every run of the row looked at them all); the others (a hostile page's NaN) apart,
 * looked at by every run as before.
 */
interface Bucket {
  sorted: number[];
  loose: number[];
}

export function glyphIndex(glyphs: PrintedGlyph[], normalize: (s: string) => string): GlyphIndex {
  const buckets = new Map<number, Bucket>();
  glyphs.forEach((g, i) => {
    const key = Math.round(g.base);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { sorted: [], loose: [] }));
    (Number.isFinite(g.x0) ? bucket.sorted : bucket.loose).push(i);
  });
  const x0 = (i: number) => glyphs[i]?.x0 ?? 0;
  for (const bucket of buckets.values()) bucket.sorted.sort((a, b) => x0(a) - x0(b) || a - b);
  const used = new Uint8Array(glyphs.length);
  const seen = new Map<string, string>();
  const texts = glyphs.map((g) => {
    let t = seen.get(g.text);
    if (t === undefined) seen.set(g.text, (t = normalize(g.text).replace(/\s+/g, '')));
    return t;
  });
  return { attach: (runs, bases) => attachRuns(runs, bases, glyphs, buckets, used, texts) };
}

/** The index in `sorted` (glyph indices by x0) of the first glyph whose x0 is at least `x`. */
function firstAtOrRight(sorted: readonly number[], glyphs: readonly PrintedGlyph[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const i = sorted[mid];
    if ((i === undefined ? Infinity : (glyphs[i]?.x0 ?? 0)) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function attachRuns(runs: GlyphRun[], bases: number[], glyphs: PrintedGlyph[], buckets: Map<number, Bucket>, used: Uint8Array, texts: string[]): number {
  let found = 0;
  runs.forEach((run, r) => {
    if (!/\S/.test(run.text)) return;
    const base = bases[r]!;
    const yTol = Math.max(0.5, run.size * 0.15);
    const xTol = 0.5 + run.size * 0.1;
    // Each glyph that may be one of the run's, with its index and its normalised text.
    const candidates: { i: number; g: PrintedGlyph; t: string; key: number }[] = [];
    const consider = (i: number, key: number) => {
      const g = glyphs[i];
      const t = texts[i];
      if (!g || t === undefined || used[i] || t === '' || Math.abs(g.base - base) > yTol || Math.abs(g.size - run.size) > Math.max(0.5, run.size * 0.05)) return;
      if (g.x0 < run.x0 - xTol || g.x1 > run.x1 + xTol) return;
      candidates.push({ i, g, t, key });
    };
    for (let key = Math.round(base) - 1; key <= Math.round(base) + 1; key++) {
      const bucket = buckets.get(key);
      if (!bucket) continue;
      // From the first glyph starting at the run's left edge (less the tolerance) until one starts
      // past its right edge: a glyph ends right of where it starts, so none after it is inside.
      const { sorted, loose } = bucket;
      for (let k = firstAtOrRight(sorted, glyphs, run.x0 - xTol); k < sorted.length; k++) {
        const i = sorted[k];
        if (i === undefined || (glyphs[i]?.x0 ?? 0) > run.x1 + xTol) break;
        consider(i, key);
      }
      for (const i of loose) consider(i, key);
    }
    // In the order the baselines' glyphs were met before they were sorted (baseline, then index),
    // then left to right: the same order as ever, a NaN edge and all.
    candidates.sort((a, b) => a.key - b.key || a.i - b.i);
    candidates.sort((a, b) => a.g.x0 - b.g.x0 || a.i - b.i);
    const boxes: (CharBox | null)[] = new Array(run.text.length).fill(null);
    const taken: number[] = [];
    let at = 0;
    const skipSpaces = () => {
      while (at < run.text.length && SPACE.test(run.text.charAt(at))) at++;
    };
    skipSpaces();
    for (const { i, g, t } of candidates) {
      if (at >= run.text.length) break;
      if (!run.text.startsWith(t, at)) continue;
      const step = (g.x1 - g.x0) / t.length;
      for (let k = 0; k < t.length; k++) boxes[at + k] = { x0: g.x0 + step * k, x1: g.x0 + step * (k + 1) };
      at += t.length;
      taken.push(i);
      skipSpaces();
    }
    if (at < run.text.length) return;
    for (const i of taken) used[i] = 1;
    // A space is the gap between the glyphs either side of it.
    const nextX0: number[] = new Array(boxes.length);
    let following = run.x1;
    for (let k = boxes.length - 1; k >= 0; k--) {
      nextX0[k] = following;
      const box = boxes[k];
      if (box) following = box.x0;
    }
    const chars: CharBox[] = [];
    for (let k = 0; k < boxes.length; k++) {
      const b = boxes[k];
      if (b) {
        chars.push(b);
        continue;
      }
      const last = chars[chars.length - 1];
      const before = last ? last.x1 : run.x0;
      chars.push({ x0: before, x1: Math.max(before, nextX0[k]!) });
    }
    run.chars = chars;
    found++;
  });
  return found;
}
