// A line's place as the loader stored it (src/load/places.ts: one JSON string per text line of a
// document, on its DocumentText node), read back for Source.page / Source.box / Source.cells.
import { isProps } from './props.js';

/** [x0, top, x1, bottom] in PDF points from the top-left corner of the page (y grows downwards). */
export type PlaceBox = readonly [number, number, number, number];

export interface LinePlaceRow {
  page: number;
  /** The line's box; null for a text source, which knows pages only. */
  box: PlaceBox | null;
  /** Each tab-separated cell's box, in the line's order; empty when the source gave none. */
  cells: PlaceBox[];
  /** Each cell's text as stored (personal data redacted), where the line's cells line up with the boxes; else null. */
  cellTexts: string[] | null;
  /** Read by OCR from a scanned page: the lowest confidence (0-100) of the line's words; null for a text layer's or a text's line. */
  ocrConfidence: number | null;
  /** Read by OCR: each cell's lowest word confidence (null where OCR read nothing in it), in the cells' order; null when not stored. */
  cellOcr: (number | null)[] | null;
  /** The indexes of the cells the line's records read (code, name, amounts), ascending; null when the parser did not say which. */
  read: number[] | null;
  /** A line giving several records that each say their cells: each record's cells by its key (src/model/read-keys.ts); null otherwise. */
  readBy: Readonly<Record<string, number[]>> | null;
}

const isConfidence = (c: unknown): c is number => typeof c === 'number' && c >= 0 && c <= 100;

const isBox = (b: unknown): b is PlaceBox => Array.isArray(b) && b.length === 4 && b.every((v) => typeof v === 'number' && Number.isFinite(v));

/** A stored line's place back; null when none is stored for it (or it is not one the loader wrote). `text`: the line as stored. */
export function placeFromJson(json: unknown, text: unknown = null): LinePlaceRow | null {
  if (typeof json !== 'string' || json === '') return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isProps(v)) return null;
  const o = v;
  if (typeof o.page !== 'number' || !Number.isInteger(o.page) || o.page < 1) return null;
  const cells = Array.isArray(o.cells) && o.cells.every(isBox) ? o.cells : [];
  // The line's cells are its tab-separated parts (src/source): each box gets its text where they line up.
  const parts = typeof text === 'string' ? text.split('\t') : null;
  const ocrConfidence = isConfidence(o.ocr) ? o.ocr : null;
  // Each cell's confidence, where one is stored for every cell (src/load/places.ts stores none otherwise).
  const cellOcr = ocrConfidence !== null && Array.isArray(o.ocrCells) && o.ocrCells.length === cells.length && o.ocrCells.every((c) => c === null || isConfidence(c)) ? o.ocrCells.map((c) => (isConfidence(c) ? c : null)) : null;
  // The cells read: each an index of a stored cell, or none said.
  const indexes = Array.isArray(o.read) ? o.read.filter((i): i is number => Number.isInteger(i) && i >= 0 && i < cells.length) : [];
  const read = Array.isArray(o.read) && indexes.length > 0 && indexes.length === o.read.length ? indexes : null;
  return { page: o.page, box: isBox(o.box) ? o.box : null, cells, cellTexts: parts && cells.length && parts.length === cells.length ? parts : null, ocrConfidence, cellOcr, read, readBy: read ? readByOf(o.readBy, read) : null };
}

/** Each record's cells as stored: every list made of the line's cells read, or none said. */
function readByOf(v: unknown, read: readonly number[]): Record<string, number[]> | null {
  if (!isProps(v)) return null;
  const out: Record<string, number[]> = {};
  for (const [key, cells] of Object.entries(v)) {
    if (!Array.isArray(cells) || !cells.every((i): i is number => typeof i === 'number' && read.includes(i))) return null;
    out[key] = cells;
  }
  return Object.keys(out).length ? out : null;
}

/**
 * The DataLoader key of one line's place (cypher/places-by-line.cypher splits it): the line
 * first, so that whatever characters the document id holds, the first '#' ends the line number.
 */
export const placeKey = (documentId: string, line: number) => `${line}#${documentId}`;

/** One cell of a line as served (Source.cells): its position among the line's cells, box, text, whether a fact read it, OCR's confidence. */
export interface ServedCell {
  index: number;
  box: PlaceBox;
  text: string | null;
  /** A cell the line's records read (true) or not (false); null when the parser did not say which. */
  read: boolean | null;
  ocrConfidence: number | null;
}

/**
 * The cells of a line a fact is served with: those it read when the parser said which (its own
 * where the line gives several records, found by `key`: src/model/read-keys.ts; else those the
 * line's records read), else every cell of the line; `all`: every cell, each saying whether it
 * was read.
 */
export function servedCells(place: LinePlaceRow, all = false, key?: string | null): ServedCell[] {
  const cellsRead = readCells(place, key);
  const read = cellsRead ? new Set(cellsRead) : null;
  const cells = place.cells.map((box, index) => ({ index, box, text: place.cellTexts?.[index] ?? null, read: read ? read.has(index) : null, ocrConfidence: place.cellOcr?.[index] ?? null }));
  return all || !read ? cells : cells.filter((c) => c.read);
}

/**
 * How sure OCR was of what a fact of the line read: the lowest confidence of the cells read when
 * the parser said which and OCR gave each of them one, else the line's lowest (every cell's).
 */
export function readConfidence(place: LinePlaceRow, key?: string | null): number | null {
  if (place.ocrConfidence === null) return null;
  const read = readCells(place, key)?.map((i) => place.cellOcr?.[i] ?? null) ?? [];
  return read.length && read.every((c) => c !== null) ? Math.min(...read.map((c) => c ?? 100)) : place.ocrConfidence;
}

/** The cells a record read: its own where the line stores each record's and `key` names one, else the line's records'. */
function readCells(place: LinePlaceRow, key: string | null | undefined): readonly number[] | null {
  return (key ? place.readBy?.[key] : undefined) ?? place.read;
}
