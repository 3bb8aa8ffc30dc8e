// Document sources: the bytes of a file → the canonical text rendering every reader takes (one
// printed line per text line, cells between tabs) and, for a PDF, the page and boxes of each line.
// Text (UTF-8, pdftotext's form feeds read as page breaks) and PDF (a text layer, read by
// pdf.js: pdf/extract.ts → pdf/render.ts). A new input format is one more source here.
import { BadDocumentError, BudgetGraphError } from '../errors.js';
import type { Box } from './pdf/geometry.js';
import { extractPdf } from './pdf/extract.js';
import { renderPdf } from './pdf/render.js';

export type SourceFormat = 'TEXT' | 'PDF';

/** Where text line n (places[n - 1]) is printed; box null when the source has no geometry. */
export interface LinePlace {
  page: number;
  box: Box | null;
  cells: Box[];
}

export interface SourceNote {
  level: 'INFO' | 'WARNING';
  code: string;
  message: string;
  line: number;
}

export interface SourceDocument {
  file: string;
  format: SourceFormat;
  text: string;
  /** One per text line, or null when the source prints no pages (plain text without form feeds). */
  places: LinePlace[] | null;
  pages: number | null;
  notes: SourceNote[];
}

export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

export const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

export async function readSource(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  if (bytes.length > MAX_SOURCE_BYTES) throw new BadDocumentError(file, 1, `the file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB; expected one budget document`);
  if (!isPdf(bytes)) return readText(bytes, file);
  try {
    return await readPdf(bytes, file);
  } catch (err) {
    // Whatever a damaged PDF makes the reader throw is that document's fault, said as such.
    if (err instanceof BudgetGraphError) throw err;
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    throw new BadDocumentError(file, 1, `the PDF cannot be read (${why}); expected an undamaged PDF`);
  }
}

/** UTF-8 text; a form feed (pdftotext writes one before each page) starts a page and is not content. */
export function readText(bytes: Uint8Array, file: string): SourceDocument {
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (decoded.includes('\uFFFD')) {
    const line = decoded.slice(0, decoded.indexOf('\uFFFD')).split('\n').length;
    throw new BadDocumentError(file, line, 'the file is not valid UTF-8; save the text as UTF-8 (or give the PDF itself) and load it again');
  }
  if (!decoded.includes('\f')) return { file, format: 'TEXT', text: decoded, places: null, pages: null, notes: [] };
  const places: LinePlace[] = [];
  let page = 1;
  const lines = decoded.split('\n').map((line) => {
    const breaks = line.split('\f').length - 1;
    // A form feed at a line's start: this line opens the next page.
    if (breaks && line.startsWith('\f')) page += breaks;
    places.push({ page, box: null, cells: [] });
    if (breaks && !line.startsWith('\f')) page += breaks;
    return line.replaceAll('\f', '');
  });
  return { file, format: 'TEXT', text: lines.join('\n'), places, pages: page, notes: [] };
}

async function readPdf(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  const pages = await extractPdf(bytes, file);
  const rendered = renderPdf(pages);
  const notes: SourceNote[] = rendered.imageOnlyPages.map((p) => ({
    level: 'WARNING',
    code: 'PAGE_NOT_READ',
    message: `page ${p} is a scanned image with no text layer; its facts are not read (OCR is not part of this build)`,
    line: 1,
  }));
  if (rendered.lines.every((l) => l.text.trim() === '')) {
    throw new BadDocumentError(file, 1, rendered.imageOnlyPages.length ? `the PDF's ${rendered.imageOnlyPages.length} pages are scanned images with no text layer; expected a PDF with text (OCR is not part of this build)` : 'the PDF prints no text; expected a budget document');
  }
  return {
    file,
    format: 'PDF',
    text: rendered.lines.map((l) => l.text).join('\n'),
    places: rendered.lines.map((l) => ({ page: l.page, box: l.box, cells: l.cells })),
    pages: pages.length,
    notes,
  };
}
