// Scanned pages (#39 item 3): a PDF page with no text layer that is an image is read by OCR when
// Debian's tesseract-ocr and tesseract-ocr-chi-sim are installed, and goes through the same
// table model as a text page (read-page.ts → pdf/render.ts), so that it gives the same records.
// What OCR read says so: each of its lines carries the lowest confidence of its words, each page
// read by OCR is an INFO note, and each number read with low confidence (or read as no number is
// printed: 4,213,77.28) is a WARNING note with its line — never a silent fact. Without tesseract,
// or past the OCR budget, the page is named as not read (PAGE_NOT_READ) and the rest loads.
import type { PdfPage } from '../pdf/geometry.js';
import type { PlacedLine } from '../pdf/render.js';
import { withPdfFile } from './pdf-file.js';
import { OcrProgramError } from './processes.js';
import { readScannedPage, type OcrPage } from './read-page.js';
import { tesseractReady } from './tesseract.js';

export { OcrProgramError } from './processes.js';
export type { OcrPage } from './read-page.js';

export interface OcrOptions {
  /** false: scanned pages are named as not read, whatever is installed (BUDGET_GRAPH_OCR=off does the same). */
  enabled?: boolean;
  /** The time all of a document's OCR may take; the pages past it are named as not read. */
  budgetMs?: number;
  /** The most pages OCR'd in one document. */
  maxPages?: number;
  /** The tesseract program (tests: a name that is not installed). */
  tesseract?: string;
  /**
   * Told once, before the first page is OCR'd (never when no page will be): the parse worker
   * tells its pool, which then gives the document OCR's time on top of the parser's budget.
   */
  onStart?: () => void;
}

/**
 * The default budget fits inside the parse worker's budget for a whole document (20 s,
 * src/load/parse-off-thread.ts): about two pages at the ~7 s a page tesseract takes on a busy
 * core. A caller with more time (the CLI, a test) gives more.
 */
export const OCR_BUDGET_MS = 12_000;
export const OCR_MAX_PAGES = 30;
/** A number tesseract is less sure of than this (0-100) is reported for a person to check. */
export const OCR_MIN_CONFIDENCE = 60;

export interface ScannedPages {
  /** The pages read, by number. */
  read: Map<number, OcrPage>;
  /** The pages not read, and why (a sentence). */
  notRead: { page: number; why: string }[];
  /** Milliseconds OCR took, all pages. */
  ms: number;
}

export const ocrSwitchedOff = () => /^(off|0|false|no)$/i.test(process.env.BUDGET_GRAPH_OCR ?? '');

export async function readScannedPages(pdf: Uint8Array, pages: readonly PdfPage[], options: OcrOptions = {}): Promise<ScannedPages> {
  const started = Date.now();
  const out: ScannedPages = { read: new Map(), notRead: [], ms: 0 };
  if (!pages.length) return out;
  const budget = options.budgetMs ?? OCR_BUDGET_MS;
  const maxPages = options.maxPages ?? OCR_MAX_PAGES;
  const why =
    options.enabled === false || ocrSwitchedOff() ? 'OCR is switched off' : !(await tesseractReady(options.tesseract)) ? "OCR needs Debian's tesseract-ocr and tesseract-ocr-chi-sim, which are not installed" : null;
  if (why) {
    for (const page of pages) out.notRead.push({ page: page.number, why });
    out.ms = Date.now() - started;
    return out;
  }
  options.onStart?.();
  // The PDF written once for all its scanned pages, each rendered from the file by number.
  await withPdfFile(pdf, async (file) => {
    for (const [k, page] of pages.entries()) {
      if (k >= maxPages) out.notRead.push({ page: page.number, why: `OCR reads at most ${maxPages} pages of a document` });
      else if (Date.now() - started >= budget) out.notRead.push({ page: page.number, why: `OCR's ${Math.round(budget / 1000)} s for this document were spent on the pages before it` });
      else {
        try {
          out.read.set(page.number, await readScannedPage(file, page, started + budget, options.tesseract));
        } catch (err) {
          if (!(err instanceof OcrProgramError)) throw err;
          out.notRead.push({ page: page.number, why: err.reason === 'TIMEOUT' ? `OCR's ${Math.round(budget / 1000)} s for this document ran out on it` : `OCR failed on it (${err.message})` });
        }
      }
    }
  });
  out.ms = Date.now() - started;
  return out;
}

/**
 * A line of text read by OCR: the lowest confidence (0-100) of the words it holds, and of each of
 * its cells (PlacedLine.cells, in order) the lowest of the words whose centre is in the cell's box,
 * null for a cell OCR read no word in — so a fact that read one cell can say how sure OCR was of
 * that cell, not only of its whole row.
 */
export interface OcrLineMark {
  confidence: number;
  cells: (number | null)[];
}

export interface OcrFinding {
  line: number;
  page: number;
  text: string;
  confidence: number;
  /** The number is not one a table prints (thousands groups of three, two decimals). */
  malformed: boolean;
}

const centre = (b: readonly [number, number, number, number]) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] as const;
const inside = (b: readonly [number, number, number, number], x: number, y: number) => x >= b[0] - 1 && x <= b[2] + 1 && y >= b[1] - 1 && y <= b[3] + 1;

/** A number as tables and prose print it: 1,234,567.89 · 1234.5 · 201 · 2025 · 12.5% · -3.00. */
const WELL_FORMED = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

/**
 * Each rendered line's OCR confidence (lines: the document's text lines, 0-based) and the numbers
 * to check: a word belongs to the line whose box holds its centre, or else to the prose line
 * above it (a paragraph's box is its first printed line's).
 */
export function markOcrLines(lines: readonly PlacedLine[], read: ReadonlyMap<number, OcrPage>, minConfidence = OCR_MIN_CONFIDENCE): { marks: Map<number, OcrLineMark>; findings: OcrFinding[] } {
  const marks = new Map<number, OcrLineMark>();
  const findings: OcrFinding[] = [];
  const byPage = new Map<number, { i: number; line: PlacedLine }[]>();
  lines.forEach((line, i) => {
    if (read.has(line.page) && line.text.trim() !== '') byPage.set(line.page, [...(byPage.get(line.page) ?? []), { i, line }]);
  });
  for (const [pageNo, page] of read) {
    // Each line of the page with its mark (the one marks holds).
    const onPage = (byPage.get(pageNo) ?? []).map(({ i, line }) => {
      const mark: OcrLineMark = { confidence: 100, cells: line.cells.map(() => null) };
      marks.set(i, mark);
      return { i, line, mark };
    });
    for (const run of page.runs) {
      const [x, y] = centre([run.x0, run.top, run.x1, run.bottom]);
      let found = onPage.find((l) => inside(l.line.box, x, y));
      if (found === undefined) {
        const above = onPage.filter((l) => l.line.box[1] <= y).pop();
        if (above !== undefined && above.line.kind === 'PROSE') found = above;
      }
      if (found === undefined) continue; // page furniture (a page number) the rendering dropped
      const { i: at, mark } = found;
      mark.confidence = Math.min(mark.confidence, Math.round(run.confidence));
      const cell = found.line.cells.findIndex((b) => inside(b, x, y));
      if (cell >= 0) mark.cells[cell] = Math.min(mark.cells[cell] ?? 100, Math.round(run.confidence));
      for (const token of run.text.split(/\s+/)) {
        const number = token.replace(/^[^\d-−]+|[^\d%]+$/g, '');
        if (!/\d/.test(number)) continue;
        const malformed = !WELL_FORMED.test(number);
        if (run.confidence < minConfidence || malformed) findings.push({ line: at + 1, page: pageNo, text: token, confidence: Math.round(run.confidence), malformed });
      }
    }
  }
  // A cell of digits with a space inside ("1 867,680.00"): a separator OCR lost, two words that
  // the parser would join into one amount — which one is for a person to see.
  // (In the lines' order: the findings are sorted by line below, those of one line kept in order.)
  lines.forEach((line, i) => {
    const mark = marks.get(i);
    if (!mark) return;
    for (const cell of line.text.split('\t'))
      if (/^[\d,.\s-]+$/.test(cell.trim()) && /\d\s+\d/.test(cell)) findings.push({ line: i + 1, page: line.page, text: cell.trim(), confidence: mark.confidence, malformed: true });
  });
  return { marks, findings: findings.sort((a, b) => a.line - b.line) };
}
