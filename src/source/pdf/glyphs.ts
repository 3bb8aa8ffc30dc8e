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

export function glyphIndex(glyphs: PrintedGlyph[], normalize: (s: string) => string): GlyphIndex {
  const buckets = new Map<number, number[]>();
  glyphs.forEach((g, i) => {
    const key = Math.round(g.base);
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  });
  const used = new Uint8Array(glyphs.length);
  const seen = new Map<string, string>();
  const texts = glyphs.map((g) => {
    let t = seen.get(g.text);
    if (t === undefined) seen.set(g.text, (t = normalize(g.text).replace(/\s+/g, '')));
    return t;
  });
  return { attach: (runs, bases) => attachRuns(runs, bases, glyphs, buckets, used, texts) };
}

function attachRuns(runs: GlyphRun[], bases: number[], glyphs: PrintedGlyph[], buckets: Map<number, number[]>, used: Uint8Array, texts: string[]): number {
  let found = 0;
  runs.forEach((run, r) => {
    if (!/\S/.test(run.text)) return;
    const base = bases[r]!;
    const yTol = Math.max(0.5, run.size * 0.15);
    const xTol = 0.5 + run.size * 0.1;
    // Each glyph that may be one of the run's, with its index and its normalised text.
    const candidates: { i: number; g: PrintedGlyph; t: string }[] = [];
    for (let key = Math.round(base) - 1; key <= Math.round(base) + 1; key++) {
      for (const i of buckets.get(key) ?? []) {
        const g = glyphs[i];
        const t = texts[i];
        if (!g || t === undefined || used[i] || t === '' || Math.abs(g.base - base) > yTol || Math.abs(g.size - run.size) > Math.max(0.5, run.size * 0.05)) continue;
        if (g.x0 < run.x0 - xTol || g.x1 > run.x1 + xTol) continue;
        candidates.push({ i, g, t });
      }
    }
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
