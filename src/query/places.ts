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
}

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
  const ocrConfidence = typeof o.ocr === 'number' && o.ocr >= 0 && o.ocr <= 100 ? o.ocr : null;
  return { page: o.page, box: isBox(o.box) ? o.box : null, cells, cellTexts: parts && cells.length && parts.length === cells.length ? parts : null, ocrConfidence };
}

/**
 * The DataLoader key of one line's place (cypher/places-by-line.cypher splits it): the line
 * first, so that whatever characters the document id holds, the first '#' ends the line number.
 */
export const placeKey = (documentId: string, line: number) => `${line}#${documentId}`;
