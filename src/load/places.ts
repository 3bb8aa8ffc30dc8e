// Where each line of a document is printed (#39 item 1): the source's page and boxes of every
// text line (src/source: LinePlace), stored with the document's text (cypher/load-document-text.cypher)
// as one JSON string per line, so that every fact — which keeps its line — can say "page 21,
// this row, these cells", and, read by OCR, how sure OCR was. No text: page numbers, boxes and
// confidences only, nothing personal.
import type { Box } from '../source/pdf/geometry.js';
import type { LinePlace } from '../source/index.js';

/**
 * A line's place with the printed lines joined to it after its first (src/source/pdf/render.ts
 * PlacedLine.more): given, the page painter blacks out a redacted line over its printed lines'
 * boxes only (src/api/page-images.ts); absent, it cannot know where a wrapped line's rest is.
 * (LinePlace does not carry it yet: src/source/index.ts's readPdf is to pass it through.)
 */
export type JoinedPlace = LinePlace & {
  more?: readonly { page: number; box: Box | null }[];
  /**
   * Read by OCR: with the line's confidence, each cell's (src/source/ocr markOcrLines), null for
   * a cell OCR read nothing in. (LinePlace.ocr does not carry the cells' yet: readPdf is to pass
   * mark.cells through.)
   */
  ocr?: { confidence: number; cells?: readonly (number | null)[] };
  /**
   * The indexes of the cells the line's records read (src/parse/cells-read.ts: a 科目 line's code,
   * name and amount cells), ascending; absent when the parser does not say which.
   */
  read?: readonly number[];
  /**
   * A line giving several records that each say their cells (side-by-side 科目 blocks, a 三公 row's
   * 预算数 and 决算数, a summary row's 收入 and 支出 items): each keyed record's cells by its key
   * (src/model/read-keys.ts), so that a fact is served its own, not its neighbours'.
   */
  readBy?: Readonly<Record<string, readonly number[]>>;
};

/** The places with the cells each line's records read (line → cell indexes, src/parse/cells-read.ts) joined in, and each record's where a line gives several. */
export function withCellsRead<P extends JoinedPlace>(places: readonly P[] | null, read: ReadonlyMap<number, readonly number[]>, byRecord: ReadonlyMap<number, Readonly<Record<string, readonly number[]>>> = new Map()): (P & Pick<JoinedPlace, 'read' | 'readBy'>)[] | null {
  if (!places) return null;
  return places.map((p, i) => {
    const cells = read.get(i + 1);
    const by = byRecord.get(i + 1);
    return cells ? { ...p, read: cells, ...(by ? { readBy: by } : {}) } : p;
  });
}

/** A box as stored: its four numbers, already rounded to 0.01 pt by the source. */
const finite = (b: Box | null | undefined): b is Box => Array.isArray(b) && b.length === 4 && b.every((v) => Number.isFinite(v));

/**
 * The places as stored: one JSON string per text line (line n = [n - 1]), or null when the source
 * prints no pages (a text file without form feeds) or when its places do not line up with the
 * stored text line for line — then no line gets a page rather than a line getting another's.
 */
export function placesJson(places: readonly JoinedPlace[] | null | undefined, lineCount: number): string[] | null {
  if (!places || places.length === 0 || places.length !== lineCount) return null;
  // One line's place: its page, and for a PDF the box of the line (a table row, a paragraph's
  // first printed line) and of each of its tab-separated cells, [x0, top, x1, bottom] in PDF
  // points from the top-left corner of the page (src/source/pdf/geometry.ts). Read back by
  // src/query/places.ts.
  return places.map((p) => {
    const out: { page: number; box?: Box; cells?: Box[]; read?: number[]; readBy?: Record<string, number[]>; ocr?: number; ocrCells?: (number | null)[]; more?: { page: number; box: Box }[] } = { page: p.page };
    if (finite(p.box)) out.box = p.box;
    const cells = p.cells.filter(finite);
    // Every cell or none: a cell list with holes would give a box to the wrong column.
    if (cells.length && cells.length === p.cells.length) out.cells = cells;
    // The cells the line's records read: kept only with the cells' boxes and every index one of them.
    const read = p.read?.filter((i) => Number.isInteger(i) && i >= 0 && i < cells.length);
    if (out.cells && read?.length && read.length === p.read?.length) out.read = [...read];
    // Each keyed record's cells (none for one that read only blank cells; one alone beside records
    // of no key, which are served the line's), kept only beside the line's and each one of the
    // line's cells read.
    const by = Object.entries(p.readBy ?? {});
    if (out.read && by.length > 0 && by.every(([, c]) => c.every((i) => out.read?.includes(i)))) out.readBy = Object.fromEntries(by.map(([k, c]) => [k, [...c]]));
    // A line read by OCR from a scanned page: the lowest confidence (0-100) of its words, so of
    // every cell a fact of the line read (Source.ocrConfidence); absent for a text layer's line.
    const confidence = p.ocr?.confidence;
    if (typeof confidence === 'number' && Number.isFinite(confidence)) out.ocr = Math.max(0, Math.min(100, Math.round(confidence)));
    // Each cell's, in the cells' order: kept only beside the line's and the cells' boxes, one for
    // each (a list that does not line up with the cells would give a cell another's confidence).
    const ocrCells = p.ocr?.cells?.map((c) => (typeof c === 'number' && Number.isFinite(c) ? Math.max(0, Math.min(100, Math.round(c))) : null));
    if (out.ocr !== undefined && out.cells && ocrCells && ocrCells.length === out.cells.length) out.ocrCells = ocrCells;
    // The printed lines joined to it after its first: all of them with a box, or none said (a
    // list with a hole would leave a printed line of it unpainted).
    const more = p.more?.flatMap((m) => (Number.isInteger(m.page) && finite(m.box) ? [{ page: m.page, box: m.box }] : []));
    if (more && more.length === p.more?.length) out.more = more;
    return JSON.stringify(out);
  });
}
