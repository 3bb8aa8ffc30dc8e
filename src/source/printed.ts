// The printed document // 印刷文档 (#37 item 1): what every source reads a file as, whatever its
// format — its pages, each page's printed lines in reading order, each line's cells: a cell's text,
// and where the source knows them its box on the page, the printed cell it is part of (a web
// table's colspan / rowspan) and how sure OCR was of it. A text file's cells are its tab-separated
// parts and its form feeds its pages; a PDF's are what pdf/render.ts lays out of the page (a ruled
// grid's cells, a line's runs split at wide gaps, prose as one cell); a web page's and a
// Markdown's are html/render.ts's blocks and table rows; a scanned page's are OCR's words laid out
// the same way. The text rendering (renderText) — one line per printed line, cells between tabs,
// with the page and boxes of each line — is generated from it, for display and line provenance;
// the parser takes its cells from the model, not from the text. A leaf module: types, the
// renderer and the text source's reading; no parser, no PDF reader.
import type { Box } from './pdf/geometry.js';

export type SourceFormat = 'TEXT' | 'PDF' | 'HTML' | 'MARKDOWN';

/**
 * A table cell as part of the printed cell it lies in, where the source knows it (an HTML table's
 * colspan / rowspan, a PDF's ruled grid): the printed cell's first column, and whether it began
 * on a row above (a cell spanning rows: its text is that row's, not a blank of this one).
 */
export interface CellSpan {
  start: number;
  above: boolean;
}

export interface SourceNote {
  level: 'INFO' | 'WARNING';
  code: string;
  message: string;
  line: number;
}

export interface PrintedCell {
  /** As printed, on one line: never a tab or a line break (the rendering's separators). */
  text: string;
  /** Where it is printed (x0, y0, x1, y1 in points), where the source has geometry (a PDF). */
  box?: Box;
  /**
   * The printed cell it is part of, where the source knows it: a web table's colspan / rowspan, a
   * PDF's ruled grid (a cell spanning columns or rows, every slot it covers; a row of an unruled
   * table, its cells told apart by gaps, says none).
   */
  span?: CellSpan;
  /** On a line read by OCR: the lowest confidence (0-100) of the cell's words, null where OCR read none in it. */
  ocr?: number | null;
}

export interface PrintedLine {
  /** At least one; a prose line, a title, a paragraph is one cell. */
  cells: PrintedCell[];
  /** The line's box (a table row's, a paragraph's first printed line's); null where the source has no geometry. */
  box: Box | null;
  /**
   * A PDF's line: the page and box of each printed line joined to it after its first (a wrapped
   * paragraph's later lines, a row's piece a page break cut to the next page's head).
   */
  joined?: { page: number; box: Box }[];
  /** Read by OCR from a scanned page: the lowest confidence (0-100) of the line's words. */
  ocr?: number;
}

export interface PrintedPage {
  /** 1-based; null when the source prints no pages (a web page, a text without form feeds). */
  number: number | null;
  lines: PrintedLine[];
}

export interface PrintedDocument {
  file: string;
  format: SourceFormat;
  /**
   * In reading order: every page of a paged source (one printing nothing has no lines), or the one
   * page, numbered null, of a source that prints none. Line n of the rendering is the n-th line
   * of the pages taken in order.
   */
  pages: PrintedPage[];
  /** How many pages the source prints; null when it prints none. */
  pageCount: number | null;
  notes: SourceNote[];
}

/** Where text line n (places[n - 1]) is printed; box null when the source has no geometry. */
export interface LinePlace {
  page: number;
  box: Box | null;
  cells: Box[];
  /**
   * Read by OCR from a scanned page: the lowest confidence (0-100) of the line's words, and of each
   * cell's (null where OCR read nothing in the cell).
   */
  ocr?: { confidence: number; cells?: (number | null)[] };
  /**
   * A PDF's line: the page and box of each printed line joined to it (a wrapped paragraph's later
   * lines, a row cut by a page break), so that the page painter blacks out a redacted line over
   * exactly what it prints (src/api/page-images.ts).
   */
  more?: { page: number; box: Box }[];
}

/** The text rendering of a printed document: what every reader of text takes (SourceDocument less its model). */
export interface TextRendering {
  file: string;
  format: SourceFormat;
  text: string;
  /** One per text line, or null when the source prints no pages (plain text without form feeds). */
  places: LinePlace[] | null;
  /**
   * A web page's table rows (HTML, Markdown's <table> markup) with spanning cells: each line's cell
   * spans, null for the other lines; null when no table spans cells. A PDF's spans are in its places' boxes.
   */
  spans?: (CellSpan[] | null)[] | null;
  pages: number | null;
  notes: SourceNote[];
}

/** A document as read: its printed document (the model) and the text rendering generated from it. */
export interface SourceDocument extends TextRendering {
  printed: PrintedDocument;
}

/** The model with its rendering: what every source returns. */
export const sourceOf = (printed: PrintedDocument): SourceDocument => ({ ...renderText(printed), printed });

/** The document's lines in reading order, each with the number of the page it is printed on. */
export function* printedLines(doc: PrintedDocument): Generator<{ page: number | null; line: PrintedLine }> {
  for (const page of doc.pages) for (const line of page.lines) yield { page: page.number, line };
}

/** A line's text in the rendering: its cells between tabs. */
export const lineText = (line: PrintedLine): string => line.cells.map((c) => c.text).join('\t');

/** The rendering's text alone: the lines' texts, one a line (renderText without the places). */
export function renderedText(doc: PrintedDocument): string {
  const texts: string[] = [];
  for (const { line } of printedLines(doc)) texts.push(lineText(line));
  return texts.join('\n');
}

/** Web pages say their cells' spans in the rendering (a PDF says them by its boxes, a text has none). */
const SAYS_SPANS: ReadonlySet<SourceFormat> = new Set(['HTML', 'MARKDOWN']);

/**
 * The text rendering: one text line per printed line, its cells between tabs; for a paged source
 * each line's page, box, cells' boxes, joined lines and OCR confidences; for a web page each table
 * row's cell spans.
 */
export function renderText(doc: PrintedDocument): TextRendering {
  const texts: string[] = [];
  const places: LinePlace[] = [];
  const spans: (CellSpan[] | null)[] = [];
  const paged = doc.pageCount !== null;
  for (const { page, line } of printedLines(doc)) {
    texts.push(lineText(line));
    if (paged) places.push(placeOf(page ?? 0, line));
    const lineSpans = line.cells.map((c) => c.span);
    spans.push(lineSpans.every((s): s is CellSpan => s !== undefined) ? lineSpans : null);
  }
  const text = texts.join('\n');
  const { file, format, notes } = doc;
  if (SAYS_SPANS.has(format)) return { file, format, text, places: paged ? places : null, spans: spans.some((s) => s !== null) ? spans : null, pages: doc.pageCount, notes };
  return { file, format, text, places: paged ? places : null, pages: doc.pageCount, notes };
}

function placeOf(page: number, line: PrintedLine): LinePlace {
  const place: LinePlace = { page, box: line.box, cells: line.cells.flatMap((c) => (c.box ? [c.box] : [])) };
  if (line.joined) place.more = line.joined;
  if (line.ocr !== undefined) place.ocr = { confidence: line.ocr, cells: line.cells.map((c) => c.ocr ?? null) };
  return place;
}

/** A text's lines as the text source reads them: each line's tab-separated parts (its cells' texts). */
export const textCells = (text: string): string[][] => text.split('\n').map((line) => line.split('\t'));

/** A text line as the text source reads it: its tab-separated parts are its cells. */
export const textLine = (text: string, box: Box | null = null): PrintedLine => ({ cells: text.split('\t').map((t) => ({ text: t })), box });

/**
 * Lines, each with the page it is printed on, as pages in reading order: every page of 1..count,
 * a page printing nothing with no lines. (A line placed on a page before the one above it — no
 * source does so — opens a page entry of its own, so that the order of lines is kept.)
 */
export function pagesOf(lines: Iterable<{ page: number; line: PrintedLine }>, count: number): PrintedPage[] {
  const pages: PrintedPage[] = [];
  let next = 1;
  let current: PrintedPage | undefined;
  for (const { page, line } of lines) {
    if (current?.number !== page) {
      while (next < page) pages.push({ number: next++, lines: [] });
      current = { number: page, lines: [] };
      pages.push(current);
      next = Math.max(next, page + 1);
    }
    current.lines.push(line);
  }
  while (next <= count) pages.push({ number: next++, lines: [] });
  return pages;
}

/** A document that prints no pages: its lines on one page numbered null. */
export const unpaged = (file: string, format: SourceFormat, lines: PrintedLine[], notes: SourceNote[] = []): PrintedDocument => ({ file, format, pages: [{ number: null, lines }], pageCount: null, notes });

/**
 * A text as the text source reads it: each line's tab-separated parts its cells. A form feed
 * (pdftotext writes one before each page) starts a page and is no content; a text without one
 * prints no pages. `pagesByFormFeed` false: the text is taken as given, a form feed and all (the
 * parser's input, which refuses control characters).
 */
export function printedText(text: string, file: string, pagesByFormFeed = true): PrintedDocument {
  if (!pagesByFormFeed || !text.includes('\f')) return unpaged(file, 'TEXT', text.split('\n').map((l) => textLine(l)));
  const lines: { page: number; line: PrintedLine }[] = [];
  let page = 1;
  for (const raw of text.split('\n')) {
    const breaks = raw.split('\f').length - 1;
    // A form feed at a line's start: this line opens the next page.
    if (breaks && raw.startsWith('\f')) page += breaks;
    lines.push({ page, line: textLine(raw.replaceAll('\f', '')) });
    if (breaks && !raw.startsWith('\f')) page += breaks;
  }
  return { file, format: 'TEXT', pages: pagesOf(lines, page), pageCount: page, notes: [] };
}
