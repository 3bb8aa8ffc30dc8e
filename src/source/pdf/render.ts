// Pages of glyph runs and rulings → the document's canonical text rendering, one printed line
// (a prose paragraph, a title, a table row) per text line with its cells between tabs, as the
// text source gives it, and the page and boxes of each line. Pure.
//
// Stages: drop page furniture (running headers, footers, page numbers); rebuild ruled tables from
// their grid (grid.ts), a cell that wraps over several printed lines being one cell; the runs
// outside tables grouped into printed lines, and split into cells where a wide gap separates them
// (a table printed without rulings); prose lines joined across line and page breaks into
// paragraphs; a table row cut by a page break joined back into one row.
import { gridTables, type GridTable } from './grid.js';
import { glyphIndex, type GlyphIndex } from './glyphs.js';
import { boxOf, roundBox, unionBox, type Box, type GlyphRun, type PdfPage } from './geometry.js';
import type { CellSpan } from '../printed.js';
// The page's own words (page numbers, kinsoku marks, list markers): a leaf module of words, no parser.
import { PRINTED_PAGE } from '../../parse/glossary/prose.js';

/** One line of the canonical text and where it is printed. */
export interface PlacedLine {
  text: string;
  page: number;
  /** The line's box (a table row's, a paragraph's first printed line's) and each cell's. */
  box: Box;
  cells: Box[];
  kind: 'TABLE_ROW' | 'PROSE';
  /**
   * The printed lines joined to it after its first, each with its page and box: a paragraph's
   * next printed lines, a row's piece the page break cut to the next page's head. Empty: all it
   * prints is in its box (what the page painter needs to black out a line and nothing more).
   */
  more: { page: number; box: Box }[];
}

/** A line as rendered: with each cell's text, in step with its boxes (a blank line prints one empty cell, no box). */
export interface RenderedLine extends PlacedLine {
  texts: string[];
  /** A ruled grid's row: each cell's printed cell (its first column, and whether it began on a row above). */
  spans?: CellSpan[];
}

export interface RenderedPdf {
  lines: RenderedLine[];
  /** Pages with no text layer: scanned, to be read by OCR. */
  imageOnlyPages: number[];
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
/**
 * Join two pieces of one cell or paragraph: no space between CJK text, a space between words, none
 * after a hyphen a line broke at (a dash-separated code wrapped in a narrow cell is one code).
 */
const join = (a: string, b: string) => (a === '' ? b : b === '' ? a : CJK.test(a.slice(-1)) || CJK.test(b.slice(0, 1)) || a.endsWith('-') ? a + b : `${a} ${b}`);

/** The page prints a space at the end of the line (a word space the line broke at): its last run ends in one. */
const endsInSpace = (runs: readonly GlyphRun[]) => /\s$/.test(runs[runs.length - 1]?.text ?? '');

/**
 * Join a line to the next printed line of its cell or paragraph: as `join`, but a space the page
 * printed at the break is kept beside a Latin word or number ("1. " / "不断提升…" is "1. 不断提升…",
 * "2024 " / "年" is "2024 年"); between two Chinese characters a space is no part of the words.
 */
const joinAtBreak = (a: string, b: string, spaced: boolean) => (spaced && a !== '' && b !== '' && !(CJK.test(a.slice(-1)) && CJK.test(b.slice(0, 1))) ? `${a} ${b}` : join(a, b));

/** A printed line: runs on one baseline, left to right. */
interface Printed {
  runs: GlyphRun[];
  top: number;
  bottom: number;
  size: number;
}

function printedLines(runs: GlyphRun[]): Printed[] {
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines: Printed[] = [];
  for (const r of sorted) {
    const mid = (r.top + r.bottom) / 2;
    const line = lines.find((l) => mid > l.top && mid < l.bottom && Math.abs(l.size - r.size) < Math.max(l.size, r.size) * 0.5);
    if (line) {
      line.runs.push(r);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else lines.push({ runs: [r], top: r.top, bottom: r.bottom, size: r.size });
  }
  for (const l of lines) l.runs.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.top - b.top);
}

/** Runs of one printed line as text: a space where the gap is a word space, nothing between glyphs. */
function lineText(runs: GlyphRun[]): string {
  let out = '';
  let prev: GlyphRun | null = null;
  for (const r of runs) {
    const t = r.text.replace(/\s+/g, ' ');
    if (prev && r.x0 - prev.x1 > r.size * 0.25 && !out.endsWith(' ') && !t.startsWith(' ')) out += CJK.test(out.slice(-1)) && CJK.test(t.trim()[0] ?? '') ? '' : ' ';
    out += t;
    prev = r;
  }
  return out.trim();
}

/** Splits a printed line where a gap wider than two characters separates runs: cells of an unruled table. */
function gapCells(line: Printed): GlyphRun[][] {
  const cells: GlyphRun[][] = [];
  // The run before and the cell it is in.
  let prev: { run: GlyphRun; cell: GlyphRun[] } | null = null;
  for (const r of line.runs) {
    if (!prev || r.x0 - prev.run.x1 > Math.max(r.size, prev.run.size) * 2) {
      const cell = [r];
      cells.push(cell);
      prev = { run: r, cell };
    } else {
      prev.cell.push(r);
      prev = { run: r, cell: prev.cell };
    }
  }
  return cells;
}

const PAGE_NUMBER = PRINTED_PAGE.pageNumber;

/**
 * Printed lines that are page furniture: a page number, or a line repeated in the same margin place
 * on many pages. A line inside a ruled table is a cell's, never furniture, wherever the table
 * begins: a table drawn from the top margin prints its first row in the page's top tenth, and a
 * cell's first line there ("2012-" of a 国家编码 wrapped in its narrow cell) looks like a page number.
 */
function furniture(pages: { page: PdfPage; lines: Printed[]; tables: GridTable[] }[]): Set<Printed> {
  const out = new Set<Printed>();
  const inTable = (tables: GridTable[], l: Printed) =>
    l.runs.every((r) => tables.some((t) => (r.x0 + r.x1) / 2 >= t.box[0] && (r.x0 + r.x1) / 2 <= t.box[2] && (r.top + r.bottom) / 2 >= t.box[1] && (r.top + r.bottom) / 2 <= t.box[3]));
  const band = (p: PdfPage, l: Printed) => l.bottom < p.height * 0.1 || l.top > p.height * 0.9;
  const repeated = new Map<string, number>();
  const keyOf = (l: Printed) => `${Math.round(l.top / 3)}|${lineText(l.runs).replace(/\d+/g, '#')}`;
  for (const { page, lines } of pages) for (const l of lines) if (band(page, l)) repeated.set(keyOf(l), (repeated.get(keyOf(l)) ?? 0) + 1);
  const often = Math.max(3, Math.ceil(pages.length / 2));
  for (const { page, lines, tables } of pages)
    for (const l of lines) {
      if (!band(page, l) || inTable(tables, l)) continue;
      if (PAGE_NUMBER.test(lineText(l.runs)) || (pages.length >= 3 && (repeated.get(keyOf(l)) ?? 0) >= often)) out.add(l);
    }
  return out;
}

interface Block {
  top: number;
  line: RenderedLine;
  /** For prose: the printed line's edges, to decide whether the next line continues it. */
  x0?: number;
  x1?: number;
  size?: number;
  /** For prose: the width of the piece it opens with that no line break may cut (see unbreakableEnd). */
  opening?: number;
  /** For prose: the page prints a space at its end (see joinAtBreak). */
  spaced?: boolean;
  table?: GridTable;
  rowIndex?: number;
  /**
   * A table's first or last row: each column slot's cell box and printed lines (none for a
   * covered slot), to tell a row a page break cut from a whole row (see closedCut).
   */
  slots?: ({ box: Box; lines: Printed[] } | null)[];
}

/** The cell of `t` that holds the point, or -1. */
const cellAt = (t: GridTable, x: number, y: number) => t.cells.findIndex((c) => x >= c.box[0] && x <= c.box[2] && y >= c.box[1] && y <= c.box[3]);

/** Most runs lie inside the cell that holds their centre: nothing to cut. */
function insideOneCell(t: GridTable, r: GlyphRun): boolean {
  const home = t.cells[cellAt(t, (r.x0 + r.x1) / 2, (r.top + r.bottom) / 2)];
  return home !== undefined && r.x0 >= home.box[0] && r.x1 <= home.box[2];
}

/** How far (points) a glyph's advance may reach over a ruling and still be printed on its side. */
const OVER_RULING = 0.5;

/**
 * A run cut where a ruling separates its characters: one piece per cell, each character in the
 * cell that holds its centre (as pdfplumber assigns characters to cells). A cut is made only where
 * the ruling passes between two glyphs; a text that runs over a ruling (a glyph across it: a long
 * name overflowing into the next column) stays whole and goes, as before, where its centre is.
 * The spaces at a cut are dropped. Without character boxes the run is one piece.
 */
export function splitAtRulings(t: GridTable, r: GlyphRun): GlyphRun[] {
  const chars = r.chars;
  if (!chars || chars.length !== r.text.length) return [r];
  if (insideOneCell(t, r)) return [r];
  const cy = (r.top + r.bottom) / 2;
  let prev = -1;
  let prevCell = -1;
  const cuts: [number, number][] = []; // [end of a piece, start of the next] as text indices
  for (let k = 0; k < r.text.length; k++) {
    if (/\s/.test(r.text[k]!)) continue;
    const cell = cellAt(t, (chars[k]!.x0 + chars[k]!.x1) / 2, cy);
    if (prev >= 0 && cell !== prevCell && cell >= 0 && prevCell >= 0) {
      const left = t.cells[prevCell]!.box;
      const right = t.cells[cell]!.box;
      // The rulings between the two cells (one line when they touch) lie in the gap between the glyphs.
      if (chars[prev]!.x1 <= left[2] + OVER_RULING && chars[k]!.x0 >= right[0] - OVER_RULING && left[2] <= right[0] + OVER_RULING) cuts.push([prev + 1, k]);
    }
    prev = k;
    prevCell = cell;
  }
  if (!cuts.length) return [r];
  const pieces: GlyphRun[] = [];
  let start = 0;
  const ends: [number, number][] = [...cuts, [r.text.length, r.text.length]];
  for (const [end, next] of ends) {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(r.text[a]!)) a++;
    while (b > a && /\s/.test(r.text[b - 1]!)) b--;
    if (b > a) pieces.push({ text: r.text.slice(a, b), x0: chars[a]!.x0, x1: chars[b - 1]!.x1, top: r.top, bottom: r.bottom, size: r.size, chars: chars.slice(a, b) });
    start = next;
  }
  return pieces;
}

/**
 * A cell's printed lines as one text. A number or code the cell was too narrow for wraps onto
 * the next line ("6,92" / "8", "201030" / "1"): where the digits ending a line and those opening
 * the next make one well-formed number and the line could not have held the next line's first
 * glyph (the cell's width less the line's and its padding on both sides is narrower than that
 * glyph), the two join with no space. Otherwise lines join as words do.
 */
function cellText(box: Box, lines: Printed[], withChars: (runs: GlyphRun[]) => void): string {
  let out = '';
  let prev: Printed | null = null;
  for (const l of lines) {
    const text = lineText(l.runs);
    let wrapped = false;
    // A space printed at the end of the line above ends a number there: the next is another.
    const spaced = !!prev && endsInSpace(prev.runs);
    if (prev && !spaced && wrapsNumber(out, text)) {
      withChars(l.runs.slice(0, 1)); // the next line's first glyph, to measure
      wrapped = forcedWrap(box, prev, l);
    }
    // A minus sign ending a line is the sign of the number opening the next: LibreOffice breaks
    // a line after a hyphen-minus ("-" over "18.0"), wherever there is room.
    if (prev && /^[-−]$/.test(out) && /^\d/.test(text)) wrapped = true;
    out = wrapped ? out + text : joinAtBreak(out, text, spaced);
    prev = l;
  }
  return out;
}

/** An amount or code as printed: thousands groups, two or more decimals if any. */
const WHOLE_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2,})?$/;

/** The digits ending `a` and those opening `b` make one well-formed number. */
function wrapsNumber(a: string, b: string): boolean {
  const tail = /[\d,.]+$/.exec(a)?.[0];
  const head = /^[\d,.]+/.exec(b)?.[0];
  return !!tail && !!head && /\d/.test(tail) && WHOLE_NUMBER.test(tail + head);
}

/** Punctuation no line opens with (kinsoku): it goes down with the glyph before it. */
const NO_LINE_START = PRINTED_PAGE.noLineStart;

/** Where the piece opening at `start` ends, that a line break may not cut (see forcedWrap). */
function unbreakableEnd(text: string, start: number): number {
  let end = start + 1;
  if (CJK.test(text[start]!)) {
    while (end < text.length && NO_LINE_START.test(text[end]!)) end++;
    return end;
  }
  while (end < text.length && !/\s/.test(text[end]!) && !CJK.test(text[end]!)) end++;
  // The punctuation after a word goes down with it ("787.2%，").
  while (end < text.length && NO_LINE_START.test(text.charAt(end))) end++;
  return end;
}

/**
 * The width of the piece a line opens with that no line break may cut; estimated without glyph
 * boxes. The piece goes on into the runs after the first that touch it (a font change inside it:
 * "787.2%" then "，" in a CJK font goes down whole).
 */
function openingWidth(runs: GlyphRun[], withChars: (runs: GlyphRun[]) => void): number {
  const first = runs[0];
  if (!first) return 0;
  let run = first;
  const start = run.text.search(/\S/);
  let end = unbreakableEnd(run.text, start);
  let width = pieceWidth(run, start, end);
  for (const next of runs.slice(1)) {
    if (end < run.text.length || next.x0 - run.x1 > next.size * 0.1) break;
    const latin = !CJK.test(run.text.charAt(end - 1));
    let e = 0;
    if (latin) while (e < next.text.length && !/\s/.test(next.text.charAt(e)) && !CJK.test(next.text.charAt(e))) e++;
    while (e < next.text.length && NO_LINE_START.test(next.text.charAt(e))) e++;
    if (e === 0) break;
    withChars([next]);
    width += next.x0 - run.x1 + pieceWidth(next, 0, e);
    [run, end] = [next, e];
  }
  return width;
}

/** The width of a run's characters start..end-1: their boxes', or half an em each without them. */
function pieceWidth(run: GlyphRun, start: number, end: number): number {
  const [a, b] = [run.chars?.[start], run.chars?.[end - 1]];
  return a && b ? b.x1 - a.x0 : run.size * 0.5 * (end - start);
}

/** Points of a cell's width the rulings' strokes take beyond the boxes (see forcedWrap). */
const WRAP_SLACK = 1;

/**
 * Whether `line` could not have held what opens `next`: its first glyph or, with `word`, the
 * first piece a line may not break inside — a Latin word or number ("4696.85", 'type="checkbox"'),
 * or a CJK glyph with the punctuation no line may open with ("收，").
 */
function forcedWrap(box: Box, line: Printed, next: Printed, word = false): boolean {
  const x0 = line.runs[0]!.x0;
  const x1 = line.runs[line.runs.length - 1]!.x1;
  const first = next.runs[0]!;
  const start = first.text.search(/\S/);
  const end = word ? unbreakableEnd(first.text, start) : start + 1;
  const [a, b] = [first.chars?.[start], first.chars?.[end - 1]];
  const width = a && b ? b.x1 - a.x0 : first.size * 0.5 * (end - start);
  // The padding is the nearer side's gap — up to a few points: a line with more room on both
  // sides (a centred label) did not fill its cell, whatever follows it.
  const pad = Math.max(0, Math.min(x0 - box[0], box[2] - x1, first.size * 0.75));
  // The box runs along the rulings' centres: their strokes (half each side) and the producer's
  // rounding take up to a point more of the room left: a producer may wrap an amount whose last
  // glyph seems, by this measure, to fit in the room left (tests/unit/pdf-libreoffice.test.ts).
  return box[2] - box[0] - (x1 - x0) - 2 * pad < width + WRAP_SLACK;
}

/** A ruled table's rows: each row band's cells (a spanning cell's text once, then empty cells for the columns it covers). */
function tableRows(t: GridTable, runs: GlyphRun[], page: number, withChars: (runs: GlyphRun[]) => void): Block[] {
  const inCell = new Map<number, GlyphRun[]>();
  for (const run of runs) {
    for (const r of splitAtRulings(t, run)) {
      const i = cellAt(t, (r.x0 + r.x1) / 2, (r.top + r.bottom) / 2);
      if (i >= 0) inCell.set(i, [...(inCell.get(i) ?? []), r]);
    }
  }
  const blocks: Block[] = [];
  for (let row = 0; row < t.rows.length - 1; row++) {
    const texts: string[] = [];
    const boxes: Box[] = [];
    const spans: CellSpan[] = [];
    const slots: NonNullable<Block['slots']> = [];
    let col = 0;
    while (col < t.cols.length - 1) {
      const k = t.cells.findIndex((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
      if (k < 0) {
        texts.push('');
        boxes.push(roundBox([t.cols[col]!, t.rows[row]!, t.cols[col + 1]!, t.rows[row + 1]!]));
        spans.push({ start: col, above: false });
        slots.push(null);
        col++;
        continue;
      }
      const cell = t.cells[k]!;
      const lines = cell.row === row ? printedLines(inCell.get(k) ?? []) : [];
      const text = cell.row === row ? cellText(cell.box, lines, withChars) : '';
      // The printed cell this slot lies in: where it starts, and whether it began on a row above.
      const span: CellSpan = { start: cell.col, above: cell.row < row };
      texts.push(text);
      boxes.push(roundBox(cell.box));
      spans.push(span);
      slots.push({ box: cell.box, lines });
      for (let extra = 1; extra < cell.colSpan; extra++) {
        texts.push('');
        boxes.push(roundBox(cell.box));
        spans.push(span);
        slots.push(null);
      }
      col += cell.colSpan;
    }
    const box = roundBox([t.cols[0]!, t.rows[row]!, t.cols[t.cols.length - 1]!, t.rows[row + 1]!]);
    // A row band under a spanning cell only (its lower half) prints nothing of its own.
    if (texts.every((x) => x === '') && t.cells.every((c) => c.row !== row)) continue;
    const edge = row === 0 || row === t.rows.length - 2;
    if (row === 0) for (const slot of slots) if (slot?.lines.length) withChars(slot.lines[0]!.runs.slice(0, 1));
    blocks.push({ top: t.rows[row] ?? box[1], line: { text: texts.join('\t'), texts, spans, page, box, cells: boxes, kind: 'TABLE_ROW', more: [] }, table: t, rowIndex: row, ...(edge ? { slots } : {}) });
  }
  return blocks;
}

export function renderPdf(pages: PdfPage[]): RenderedPdf {
  const perPage = pages.map((page) => ({ page, lines: printedLines(page.runs), tables: gridTables(page.rulings).filter((t) => t.cells.length >= 2) }));
  const skip = furniture(perPage);
  const imageOnlyPages = pages.filter((p) => p.runs.every((r) => r.text.trim() === '') && p.imageCover > 0.3).map((p) => p.number);
  const body: Block[][] = [];
  for (const { page, lines, tables } of perPage) {
    const inTable = (r: GlyphRun) => tables.findIndex((t) => (r.x0 + r.x1) / 2 >= t.box[0] && (r.x0 + r.x1) / 2 <= t.box[2] && (r.top + r.bottom) / 2 >= t.box[1] && (r.top + r.bottom) / 2 <= t.box[3]);
    const blocks: Block[] = [];
    const opening = new Map<Block, GlyphRun[]>();
    // Each table with the runs printed inside it (inTable: the index of the table).
    const tableRuns = tables.map((table) => ({ table, runs: new Array<GlyphRun>() }));
    for (const l of lines) {
      if (skip.has(l)) continue;
      const outside: GlyphRun[] = [];
      for (const r of l.runs) {
        const inside = tableRuns[inTable(r)];
        if (inside) inside.runs.push(r);
        else outside.push(r);
      }
      if (!outside.length || outside.every((r) => r.text.trim() === '')) continue;
      const printed = { ...l, runs: outside };
      const cells = gapCells(printed);
      const cellBoxes = cells.map((c) => roundBox(unionBox(c.map(boxOf))));
      const box = roundBox(unionBox(cellBoxes));
      const texts = cells.map((c) => lineText(c));
      const block: Block = {
        top: l.top,
        x0: box[0],
        x1: box[2],
        size: l.size,
        spaced: endsInSpace(outside),
        line: { text: texts.join('\t'), texts, page: page.number, box, cells: cellBoxes, kind: cells.length > 1 ? 'TABLE_ROW' : 'PROSE', more: [] },
      };
      blocks.push(block);
      // A line of one cell opens with its runs (gapCells puts one run at least in each cell).
      const opener = cells.length === 1 ? cells[0] : undefined;
      if (opener?.length) opening.set(block, opener);
    }
    // The runs that cross a ruling of their table get their characters' boxes, to be cut there
    // (and a cell's wrapped line its first glyph's width): the page's glyphs, indexed when needed.
    let index: GlyphIndex | null = null;
    const withChars = (runs: GlyphRun[]) => {
      const missing = runs.filter((r) => !r.chars);
      if (missing.length) (index ??= glyphIndex(page.glyphs, (s) => s)).attach(missing, missing.map((r) => r.top + r.size * 0.86));
    };
    for (const { table: t, runs } of tableRuns) {
      withChars(runs.filter((r) => !insideOneCell(t, r)));
      blocks.push(...tableRows(t, runs, page.number, withChars));
    }
    for (const [block, runs] of opening) {
      withChars(runs.slice(0, 1));
      block.opening = openingWidth(runs, withChars);
    }
    blocks.sort((a, b) => a.top - b.top);
    body.push(blocks);
  }
  return { lines: joinAcrossBreaks(body, pages.map((p) => p.width)), imageOnlyPages };
}

/**
 * Prose wrapped over printed lines (and over a page break) is one paragraph: a line that reaches
 * the text's right edge continues on the next prose line unless that one is indented or set in
 * another size. A ruled table's first row on a page continues the previous page's last row when
 * the row was cut by the break: its first cell is empty and it prints no amount of its own.
 */
function joinAcrossBreaks(pages: Block[][], widths: number[]): RenderedLine[] {
  const prose = pages.flat().filter((b) => b.line.kind === 'PROSE');
  // The text block's edges: the widest thing printed (a table spans the body) sets the right one.
  // The left edge, for pages as wide as the line's too: a landscape table's notes may begin left of
  // where the portrait pages' prose does, and would make every prose line there look indented.
  const leftOf = new Map<number, number>();
  for (const b of prose) {
    const w = Math.round(widths[b.line.page - 1] ?? 0);
    leftOf.set(w, Math.min(leftOf.get(w) ?? Infinity, b.x0 ?? b.line.box[0]));
  }
  // The text block's right edge, for pages as wide as the line's: a table of many columns on a
  // landscape page among portrait ones is wider than any prose line can be.
  const rightOf = new Map<number, number>();
  pages.forEach((blocks, p) => {
    const w = Math.round(widths[p] ?? 0);
    for (const b of blocks) rightOf.set(w, Math.max(rightOf.get(w) ?? -Infinity, b.line.box[2]));
  });
  // A table may reach past the text's margin (LibreOffice sets a table of columns as wide as
  // their text up to a point and more beyond it), and so may a line's last punctuation (a comma
  // hung in the margin, kinsoku): where at least three prose lines end together, short of the
  // widest thing by a little, their edge is the margin, a hung full-width mark not counted.
  for (const [w, widest] of rightOf) {
    const ends = prose.filter((b) => Math.round(widths[b.line.page - 1] ?? 0) === w).map((b) => ({ x1: (b.x1 ?? b.line.box[2]) - (HUNG.test(b.line.text) ? (b.size ?? 0) : 0), size: b.size ?? 0 }));
    const third = ends.sort((a, b) => b.x1 - a.x1)[2];
    if (third && widest - third.x1 <= third.size * MARGIN_OVERRUN) rightOf.set(w, third.x1);
  }
  /** The next prose line goes on from `last` by the edges: `last` is full and `b` neither indented nor set in another size. */
  const wraps = (last: Block, b: Block) => {
    // Full: it reaches the right edge, or what opens the next line would not have fitted after it
    // (a long number or word goes down whole: "0.000.000…" after a short line).
    const right = rightOf.get(Math.round(widths[last.line.page - 1] ?? 0))!;
    const full = last.x1! >= right - last.size! * 3 || (b.opening !== undefined && last.x1! + b.size! * 0.25 + b.opening > right);
    const left = leftOf.get(Math.round(widths[b.line.page - 1] ?? 0)) ?? -Infinity;
    const notIndented = b.x0! <= left + b.size! * 0.5 && !LIST_MARKER.test(b.line.text);
    const sameSize = Math.abs(b.size! - last.size!) < 0.5;
    return full && notIndented && sameSize;
  };
  const pitch = wrapPitches(pages, wraps);
  const out: RenderedLine[] = [];
  let last: Block | null = null;
  let lastOut: RenderedLine | null = null;
  let lastTableRow: { block: Block; out: RenderedLine } | null = null;
  for (const [p, blocks] of pages.entries()) {
    for (const [i, b] of blocks.entries()) {
      const firstOnPage = i === 0;
      if (b.line.kind === 'PROSE' && last?.line.kind === 'PROSE' && lastOut && wraps(last, b) && !paragraphSpaced(last, b, pitch)) {
        // A prose line is one cell.
        lastOut.text = joinAtBreak(lastOut.text, b.line.text, !!last.spaced);
        lastOut.texts = [lastOut.text];
        lastOut.more.push({ page: b.line.page, box: b.line.box });
        last = b;
        continue;
      }
      const cut =
        firstOnPage && p > 0 && b.table && b.rowIndex === 0 && lastTableRow?.block.table && lastTableRow.block.rowIndex === lastTableRow.block.table.rows.length - 2 && lastTableRow.block === pages[p - 1]![pages[p - 1]!.length - 1]
          ? b.table.openTop && lastTableRow.block.table.openBottom
            ? cellsGoOn(lastTableRow.block, b) && rowContinues(lastTableRow.out, b.line)
            : closedCut(lastTableRow.block, b) && rowContinues(lastTableRow.out, b.line, true)
          : false;
      if (cut && lastTableRow) {
        const next = b.line.texts;
        const texts = lastTableRow.out.texts.map((c, k) => (wrapsNumber(c, next[k] ?? '') ? c + next[k] : join(c, next[k] ?? '')));
        lastTableRow.out.texts = texts;
        lastTableRow.out.text = texts.join('\t');
        lastTableRow.out.more.push({ page: b.line.page, box: b.line.box });
        last = b;
        continue;
      }
      // A blank line between a table and what is not in it, as the text renderings print one.
      if (lastOut && (lastOut.kind !== b.line.kind || (b.table && last?.table && b.table !== last.table))) out.push({ text: '', texts: [''], page: b.line.page, box: b.line.box, cells: [], kind: 'PROSE', more: [] });
      const line = { ...b.line, more: [] };
      out.push(line);
      lastOut = line;
      last = b;
      if (b.table) lastTableRow = { block: b, out: line };
      else if (b.line.kind === 'PROSE') lastTableRow = null;
    }
  }
  return out;
}

/** Prose lines of one size (to half a point), as the pitch (points from one line's top to the next's) is keyed. */
const pitchKey = (b: Block) => Math.round((b.size ?? 0) * 2);

/**
 * The pitch of a paragraph's wrapped lines, per size: the median over the pairs of consecutive
 * prose lines on one page that `wraps` joins (most of them are a paragraph's lines; the few a
 * paragraph break separates do not move the median).
 */
function wrapPitches(pages: Block[][], wraps: (last: Block, b: Block) => boolean): Map<number, number> {
  const seen = new Map<number, number[]>();
  for (const blocks of pages)
    for (const [i, b] of blocks.entries()) {
      const last = blocks[i - 1];
      if (!last || last.line.kind !== 'PROSE' || b.line.kind !== 'PROSE' || !wraps(last, b)) continue;
      seen.set(pitchKey(b), [...(seen.get(pitchKey(b)) ?? []), b.top - last.top]);
    }
  const out = new Map<number, number>();
  for (const [k, pitches] of seen) {
    const median = pitches.sort((a, b) => a - b)[Math.floor(pitches.length / 2)];
    if (median !== undefined) out.set(k, median);
  }
  return out;
}

/** More than this share of an em over the wrap pitch between two lines is space between paragraphs. */
const PARAGRAPH_SPACE = 0.1;
const SENTENCE_END = PRINTED_PAGE.sentenceEnd;

/**
 * `b` opens a paragraph of its own though `last` reached the margin: `last` ends a sentence and
 * the producer set space between them, more than between the document's wrapped lines of that size
 * (a producer that sets a paragraph's margins adds them to the pitch of its lines: a tenth of an
 * em over that pitch is no rounding). A page break between says nothing.
 */
function paragraphSpaced(last: Block, b: Block, pitch: Map<number, number>): boolean {
  const wrap = pitch.get(pitchKey(b));
  if (wrap === undefined || last.line.page !== b.line.page || !SENTENCE_END.test(last.line.text)) return false;
  return b.top - last.top > wrap + (b.size ?? 0) * PARAGRAPH_SPACE;
}

/** How far (ems) a table may reach past the prose lines' common right edge for that edge to be the margin. */
const MARGIN_OVERRUN = 2;
/** A line ending in a full-width mark no line opens with: the mark may hang past the margin. */
const HUNG = new RegExp(`(?=${CJK.source})${NO_LINE_START.source}$`);

/** A line that opens an item of its own: ## (a heading's mark) 一、 （一） (二) 1. 1、 第一 表一 ★. */
const LIST_MARKER = PRINTED_PAGE.listMarker;

const AMOUNT = /^[-−]?[\d,，.]+%?$/;

/**
 * The next page's first row continues the previous page's last row: it adds some text, and nothing
 * numeric of its own. Every cell it prints in was found by cellsGoOn to go on from the cell above
 * it, its first one included: a label wrapped over the cut ("机关事业单位基本" | "养老保险缴费").
 * `closed`: the producer drew a border at the cut (LibreOffice), and a digit is the rest of a
 * number the cut broke ("-18.0" | "0": a tail that is no well-formed amount alone and one with it).
 */
function rowContinues(prev: RenderedLine, next: RenderedLine, closed = false): boolean {
  const a = prev.texts;
  const b = next.texts;
  if (a.length !== b.length) return false;
  const own = (c: string, k: number) => AMOUNT.test(c.trim()) && !(closed && wrapsNumber(a[k]!, c) && !WHOLE_NUMBER.test(/[\d,.]+$/.exec(a[k]!)![0]));
  if (closed && b.some((c, k) => c !== '' && a[k] === '')) return false;
  return b.every((c, k) => c === '' || !own(c, k)) && b.some((c) => c !== '');
}

/** Two tables' column rulings at the same places, to a point: one table's pieces on two pages. */
const sameColumns = (a: GridTable, b: GridTable) => a.cols.length === b.cols.length && a.cols.every((x, k) => Math.abs(x - b.cols[k]!) <= 1);

/**
 * A row cut by the page break with a border drawn at the cut (LibreOffice): the two tables are
 * one table's pieces (the same columns, to a point), and the next page's row goes on from the
 * row above (cellsGoOn).
 */
const closedCut = (above: Block, below: Block) => sameColumns(above.table!, below.table!) && cellsGoOn(above, below);

/**
 * Every cell the next page's first row prints in goes on from the cell above it, whose last line
 * was full — the next line's first glyph would not have fitted beside it, as when a cell wraps
 * ("-18.0" | "0", "…或者参考" | "部门的数据…"). Whether or not the producer drew a border at the
 * cut: with none (Chromium) a break between two rows and a row cut in two look alike, and a row
 * of the next page that opens a record of its own (an indicator row, a code cell, a new 一级指标)
 * prints in cells the text above had ended in short of their edge, or in cells empty above. A
 * whole row at the top of a page prints in cells whose text above ended where it ended, or ended
 * early (see endedAbove): a narrow cell's full line is no evidence then.
 */
function cellsGoOn(above: Block, below: Block): boolean {
  if (!above.slots || !below.slots || above.slots.length !== below.slots.length) return false;
  let continued = 0;
  for (const [k, next] of below.slots.entries()) {
    if (!next?.lines.length) continue;
    const prev = above.slots[k];
    if (!prev?.lines.length || !forcedWrap(prev.box, prev.lines[prev.lines.length - 1]!, next.lines[0]!, true)) return false;
    if (endedAbove(above.slots, prev)) return false;
    continued++;
  }
  return continued > 0;
}

/**
 * A cell of the last row above a page break whose text ended there: the producer set it lower
 * than the row's other text begins (centred, or at the bottom, in a row a taller cell made
 * higher), with room in the cell for another line of it. A cell the break cut goes on over the
 * page's end: its text fills the piece from the top, as the row's tallest text does (LibreOffice
 * sets the first piece of a cut row from the top; tests/unit/pdf-libreoffice.test.ts), and the
 * rest goes to the next page. The row's other texts begin up to about a third of a line higher
 * or lower by their fonts alone (a Latin line's ascent is smaller than a CJK one's: 2.4 pt at
 * 9 pt in LibreOffice); a line centred beside one a line taller sits half a line's pitch lower
 * (6.0 pt at 9 pt in Chromium: tests/unit/pdf-page-break-rows.test.ts).
 */
function endedAbove(slots: NonNullable<Block['slots']>, cell: { box: Box; lines: Printed[] }): boolean {
  const first = cell.lines[0];
  const last = cell.lines.at(-1);
  if (!first || !last) return false;
  // Every printed line of the row's cells: its highest top and lowest bottom.
  const lines = slots.flatMap((s) => s?.lines ?? []);
  const top = Math.min(...lines.map((l) => l.top));
  const bottom = Math.max(...lines.map((l) => l.bottom));
  const size = first.size;
  const lower = first.top - top;
  const room = lower + bottom - last.bottom;
  return lower > size * 0.45 && room >= size;
}
