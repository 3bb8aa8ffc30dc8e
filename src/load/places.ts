// Where each line of a document is printed (#39 item 1): the source's page and boxes of every
// text line (src/source: LinePlace), stored with the document's text (cypher/load-document-text.cypher)
// as one JSON string per line, so that every fact — which keeps its line — can say "page 21,
// this row, these cells", and, read by OCR, how sure OCR was. No text: page numbers, boxes and
// confidences only, nothing personal.
import type { Box } from '../source/pdf/geometry.js';
import type { LinePlace } from '../source/index.js';

/** A box as stored: its four numbers, already rounded to 0.01 pt by the source. */
const finite = (b: Box | null | undefined): b is Box => Array.isArray(b) && b.length === 4 && b.every((v) => Number.isFinite(v));

/**
 * The places as stored: one JSON string per text line (line n = [n - 1]), or null when the source
 * prints no pages (a text file without form feeds) or when its places do not line up with the
 * stored text line for line — then no line gets a page rather than a line getting another's.
 */
export function placesJson(places: readonly LinePlace[] | null | undefined, lineCount: number): string[] | null {
  if (!places || places.length === 0 || places.length !== lineCount) return null;
  // One line's place: its page, and for a PDF the box of the line (a table row, a paragraph's
  // first printed line) and of each of its tab-separated cells, [x0, top, x1, bottom] in PDF
  // points from the top-left corner of the page (src/source/pdf/geometry.ts). Read back by
  // src/query/places.ts.
  return places.map((p) => {
    const out: { page: number; box?: Box; cells?: Box[]; ocr?: number } = { page: p.page };
    if (finite(p.box)) out.box = p.box;
    const cells = p.cells.filter(finite);
    // Every cell or none: a cell list with holes would give a box to the wrong column.
    if (cells.length && cells.length === p.cells.length) out.cells = cells;
    // A line read by OCR from a scanned page: the lowest confidence (0-100) of its words, so of
    // every cell a fact of the line read (Source.ocrConfidence); absent for a text layer's line.
    const confidence = p.ocr?.confidence;
    if (typeof confidence === 'number' && Number.isFinite(confidence)) out.ocr = Math.max(0, Math.min(100, Math.round(confidence)));
    return JSON.stringify(out);
  });
}
