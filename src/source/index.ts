// Document sources: the bytes of a file → the printed document (printed.ts: pages → lines → cells,
// with boxes, spans and OCR confidences where the source has them), and its text rendering every
// reader of text takes (one printed line per text line, cells between tabs) with, for a PDF, the
// page and boxes of each line: generated from the model (renderText), never read back into it.
// Text (UTF-8, pdftotext's form feeds read as page breaks) and PDF (a text layer, read by
// pdf.js: pdf/extract.ts → pdf/render.ts; a scanned page read by OCR when tesseract is
// installed: ocr/), web pages (html/: blocks as lines, <table> rows as cells with their spans
// laid out) and Markdown (markdown/: pipe tables and <table> markup, through the HTML reader).
// A new input format is one more source here.
import { BadDocumentError, BudgetGraphError } from '../errors.js';
import { cutTextNotes } from './cut-text.js';
import { extractPdf } from './pdf/extract.js';
import { renderPdf, type RenderedLine } from './pdf/render.js';
import { correctCodePartLabels, correctOcrLine } from './ocr/confusions.js';
import { markOcrLines, OCR_MIN_CONFIDENCE, readScannedPages, type OcrLineMark, type OcrOptions } from './ocr/index.js';
import { HTML_FILE, looksLikeHtml, readHtml } from './html/index.js';
import { MARKDOWN_FILE, readMarkdown } from './markdown/index.js';
import { pagesOf, printedText, sourceOf, type CellSpan, type LinePlace, type PrintedCell, type PrintedLine, type SourceDocument, type SourceFormat, type SourceNote } from './printed.js';

export type { CellSpan, LinePlace, PrintedCell, PrintedDocument, PrintedLine, PrintedPage, SourceDocument, SourceFormat, SourceNote, TextRendering } from './printed.js';
export { printedText, renderText, sourceOf } from './printed.js';

/**
 * The largest text, web page or Markdown file read: its bytes are its text, which every stage
 * holds (a budget document's text is well under 1 MiB; data/'s largest is a few hundred KiB).
 */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * The largest PDF read. A PDF's size is not its text: a scanned document is its pictures, and a
 * scan at 300 dpi, grey, JPEG quality 75 (what office scanners write) is about 0.56 MB a landscape
 * A4 page — 30 pages of a 部门预算 came to 16.85 MB, past the text cap above. 64 MiB admits
 * such a scan of about 110 pages (a 部门决算 prints 20-40), or a colour scan of about half that.
 * What reading costs is bounded by the caps on the work, not by this (pdf/pdf-budget.ts: decoded
 * streams, operators, image pixels, pages; pictures are placed, not decoded); the bytes add about
 * twice their size (the caller's copy and pdf.js's): such scans of 5.9, 33.8 and 66.0 MB peaked the
 * reader at 598, 642 and 710 MB resident, the rest a fixed cost.
 */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

/**
 * Each line's places as a text's parse takes them (parseDocument(text, file, notes, places)): a
 * PDF's (or a paged text's) places, or a web page's cell spans; null when the source knows neither.
 * The parser given the printed document reads them from it (src/parse/layout.ts linesOfPrinted).
 */
export function cellsOf(source: SourceDocument): (LinePlace | { cells: []; spans: CellSpan[] } | null)[] | null {
  if (source.places) return source.places;
  return source.spans ? source.spans.map((spans) => (spans ? { cells: [], spans } : null)) : null;
}

export const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

/** The names of files a source reads: texts, PDFs, web pages and Markdown. */
export const SOURCE_FILE = /\.(txt|pdf|html?|md|markdown)$/i;

/** What the kinds of SOURCE_FILE are called in a sentence. */
export const SOURCE_KINDS = '.txt, .pdf, .html, .htm or .md';

/**
 * Which source reads a file: a PDF by its bytes (%PDF-); Markdown by its name (.md, .markdown);
 * a web page by its name (.html, .htm) or its start (<!DOCTYPE html>, <html>, <table>: ./html);
 * anything else as text.
 */
export function sourceFormat(bytes: Uint8Array, file: string): SourceFormat {
  if (isPdf(bytes)) return 'PDF';
  if (MARKDOWN_FILE.test(file)) return 'MARKDOWN';
  if (HTML_FILE.test(file) || looksLikeHtml(bytes)) return 'HTML';
  return 'TEXT';
}

export interface SourceOptions {
  /** How scanned pages are read (ocr/index.ts): its budget, or false for never. */
  ocr?: OcrOptions | false;
  /**
   * Run on a text file's decoded text before its printed document is built: the caller's caps
   * (src/load/document-caps.ts) refuse an oversized text in milliseconds, where building the model
   * of a 15 MiB text first takes seconds and more heap than the parse worker has.
   */
  checkText?: (text: string) => void;
}

export async function readSource(bytes: Uint8Array, file: string, options: SourceOptions = {}): Promise<SourceDocument> {
  const format = sourceFormat(bytes, file);
  // A PDF by its own cap (a scan's pictures), every other source by its text's.
  const cap = format === 'PDF' ? MAX_PDF_BYTES : MAX_SOURCE_BYTES;
  if (bytes.length > cap) throw new BadDocumentError(file, 1, `the ${format === 'PDF' ? 'PDF' : 'file'} is larger than ${cap / 1024 / 1024} MiB; expected one budget document`);
  if (format === 'TEXT') return readText(bytes, file, options.checkText);
  if (format === 'HTML') return readHtml(bytes, file);
  if (format === 'MARKDOWN') return readMarkdown(bytes, file);
  try {
    return await readPdf(bytes, file, options.ocr === false ? { enabled: false } : (options.ocr ?? {}));
  } catch (err) {
    // Whatever a damaged PDF makes the reader throw is that document's fault, said as such.
    if (err instanceof BudgetGraphError) throw err;
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    throw new BadDocumentError(file, 1, `the PDF cannot be read (${why}); expected an undamaged PDF`);
  }
}

/** UTF-8 text: lines of tab-separated cells; a form feed (pdftotext writes one before each page) starts a page and is not content (printed.ts). */
export function readText(bytes: Uint8Array, file: string, checkText?: (text: string) => void): SourceDocument {
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (decoded.includes('\uFFFD')) {
    const line = decoded.slice(0, decoded.indexOf('\uFFFD')).split('\n').length;
    throw new BadDocumentError(file, line, 'the file is not valid UTF-8; save the text as UTF-8 (or give the PDF itself) and load it again');
  }
  checkText?.(decoded);
  return sourceOf(printedText(decoded, file));
}

async function readPdf(bytes: Uint8Array, file: string, ocr: OcrOptions): Promise<SourceDocument> {
  let pages = await extractPdf(bytes, file);
  let rendered = renderPdf(pages);
  // Scanned pages: read by OCR where it can, and the document rendered again with them.
  const scanned = await readScannedPages(bytes, pages.filter((p) => rendered.imageOnlyPages.includes(p.number)), ocr);
  if (scanned.read.size) {
    pages = pages.map((p) => scanned.read.get(p.number) ?? p);
    rendered = renderPdf(pages);
  }
  const { marks, findings } = markOcrLines(rendered.lines, scanned.read);
  const notes: SourceNote[] = scanned.notRead.map(({ page, why }) => ({
    level: 'WARNING',
    code: 'PAGE_NOT_READ',
    message: `page ${page} is a scanned image with no text layer; its facts are not read (${why})`,
    line: 1,
  }));
  for (const [page] of scanned.read) {
    const first = rendered.lines.findIndex((l) => l.page === page);
    const lows = [...marks].filter(([i]) => rendered.lines[i]?.page === page).map(([, m]) => m.confidence);
    notes.push({
      level: 'INFO',
      code: 'PAGE_READ_BY_OCR',
      message: `page ${page} is a scanned image, read by OCR (tesseract): its lines' facts are OCR readings${lows.length ? `, the least sure of its lines at confidence ${Math.min(...lows)} of 100` : ' (it printed nothing OCR could read)'}; numbers under ${OCR_MIN_CONFIDENCE} are listed to be checked`,
      line: first >= 0 ? first + 1 : 1,
    });
  }
  notes.push(...cutTextNotes(pages, rendered.lines));
  for (const f of findings)
    notes.push({
      level: 'WARNING',
      code: 'OCR_LOW_CONFIDENCE',
      message: f.malformed
        ? `page ${f.page}: OCR read "${f.text}", which is no number as printed (confidence ${f.confidence}); check the scan`
        : `page ${f.page}: OCR read "${f.text}" with confidence ${f.confidence} of 100 (under ${OCR_MIN_CONFIDENCE}); check the scan`,
      line: f.line,
    });
  if (rendered.lines.every((l) => l.text.trim() === '')) {
    throw new BadDocumentError(file, 1, rendered.imageOnlyPages.length ? `the PDF's ${rendered.imageOnlyPages.length} pages are scanned images with no text layer${scanned.notRead[0] ? ` and were not read (${scanned.notRead[0].why})` : ''}; expected a PDF with text` : 'the PDF prints no text; expected a budget document');
  }
  const texts = ocrTexts(rendered.lines, marks);
  const lines = rendered.lines.map((l, i) => ({ page: l.page, line: printedLine(l, texts[i] ?? l.texts, marks.get(i)) }));
  return sourceOf({ file, format: 'PDF', pages: pagesOf(lines, pages.length), pageCount: pages.length, notes });
}

/** A rendered PDF line as printed: each cell its text and box, and on a line read by OCR each cell's confidence. */
function printedLine(l: RenderedLine, texts: readonly string[], mark: OcrLineMark | undefined): PrintedLine {
  // A blank line (between a table and prose) prints one empty cell and no box; any other line a box a cell.
  const cells = texts.map((text, k): PrintedCell => {
    const box = l.cells[k];
    const span = l.spans?.[k];
    const cell: PrintedCell = box ? { text, box } : { text };
    if (span) cell.span = span;
    if (mark) cell.ocr = mark.cells[k] ?? null;
    return cell;
  });
  const line: PrintedLine = { cells, box: l.box, joined: l.more };
  if (mark) line.ocr = mark.confidence;
  return line;
}

/**
 * Each line's cell texts, those read by OCR with its known misreadings put right (ocr/confusions.ts:
 * a cell at a time, so a fix never joins two cells) and the code-part labels under a 科目编码 row
 * given back; the others as printed.
 */
export function ocrTexts(lines: readonly RenderedLine[], marks: ReadonlyMap<number, unknown>): string[][] {
  const out = lines.map((l, i) => (marks.has(i) ? l.texts.map(correctOcrLine) : l.texts));
  return out.map((cells, i) => {
    const above = out[i - 1];
    if (!marks.has(i) || above === undefined) return cells;
    const text = cells.join('\t');
    const fixed = correctCodePartLabels(text, above.join('\t'));
    // The labels put in the cells they were read in: as many cells as before.
    return fixed === text ? cells : fixed.split('\t');
  });
}
