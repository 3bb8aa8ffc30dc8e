// OCR's confidence kept with a line's place (#39 item 3: "every fact read by OCR says so with its
// confidence"): the source marks each line read by OCR with the lowest confidence of its words
// (src/source LinePlace.ocr); the stored place keeps it (src/load/places.ts) and the read-back gives
// it as ocrConfidence (src/query/places.ts → Source.ocrConfidence), null for a text layer's line.
// Before: placesJson stored page and boxes only, and the confidence was lost at the store.
import { describe, expect, it } from 'vitest';
import { placesJson } from '../../src/load/places.js';
import { placeFromJson } from '../../src/query/places.js';
import type { LinePlace } from '../../src/source/index.js';
import { markOcrLines, type OcrPage } from '../../src/source/ocr/index.js';
import type { PlacedLine } from '../../src/source/pdf/render.js';

const row: LinePlace['box'] = [26.2, 255, 815.8, 279];
const cells: LinePlace['cells'] = [
  [26.2, 255, 91.6, 279],
  [91.6, 255, 200, 279],
];

describe('a line read by OCR, stored and read back', () => {
  const stored = placesJson(
    [
      { page: 20, box: row, cells, ocr: { confidence: 47 } },
      { page: 14, box: row, cells },
      { page: 20, box: row, cells, ocr: { confidence: 91.6 } },
    ],
    3,
  )!;

  it('keeps the confidence of the line read by OCR, and none for the text layer’s line', () => {
    expect(placeFromJson(stored[0], '867.50\t839.00')).toMatchObject({ page: 20, ocrConfidence: 47, cellTexts: ['867.50', '839.00'] });
    expect(placeFromJson(stored[1], 'a\tb')!.ocrConfidence).toBeNull();
    // Stored as the whole number tesseract's word confidences are reported in.
    expect(placeFromJson(stored[2], null)!.ocrConfidence).toBe(92);
  });

  it('a stored place with a confidence that is no 0-100 number reads as none, not as a wrong one', () => {
    for (const ocr of ['47', -1, 101, null, { confidence: 50 }]) expect(placeFromJson(JSON.stringify({ page: 20, box: row, ocr }), null)!.ocrConfidence).toBeNull();
  });

  it('stores no text: page, boxes and the confidence only', () => {
    expect(Object.keys(JSON.parse(stored[0]!)).sort()).toEqual(['box', 'cells', 'ocr', 'page']);
  });
});

describe('each cell of a line read by OCR: its own confidence (#39 item 3)', () => {
  // The row above (page 20's 867.50 | 839.00): OCR read 867.50 at 47 and 839.00 at 91.6.
  const line: PlacedLine = { text: '867.50\t839.00', page: 20, box: row!, cells: cells, kind: 'TABLE_ROW', more: [] };
  const run = (text: string, x0: number, x1: number, confidence: number) => ({ text, x0, x1, top: 260, bottom: 272, size: 12, confidence });
  const page: OcrPage = { number: 20, width: 842, height: 595, runs: [run('867.50', 40, 80, 47), run('839.00', 120, 160, 91.6)], glyphs: [], rulings: [], imageCover: 0 };

  it('the lowest confidence of the words in each cell, beside the line’s lowest', () => {
    const { marks } = markOcrLines([line], new Map([[20, page]]));
    expect(marks.get(0)).toEqual({ confidence: 47, cells: [47, 92] });
  });

  it('stored with the place, one a cell, and only beside the line’s and the cells’ boxes', () => {
    const [stored] = placesJson([{ page: 20, box: row, cells, ocr: { confidence: 47, cells: [47, 91.6] } }], 1)!;
    expect(JSON.parse(stored!)).toMatchObject({ ocr: 47, ocrCells: [47, 92] });
    // A cell OCR read nothing in: null, not a confidence.
    expect(JSON.parse(placesJson([{ page: 20, box: row, cells, ocr: { confidence: 47, cells: [47, null] } }], 1)![0]!).ocrCells).toEqual([47, null]);
    // A list that does not line up with the cells is not kept.
    expect(JSON.parse(placesJson([{ page: 20, box: row, cells, ocr: { confidence: 47, cells: [47] } }], 1)![0]!)).not.toHaveProperty('ocrCells');
    // No text: still page, boxes and confidences only.
    expect(Object.keys(JSON.parse(stored!)).sort()).toEqual(['box', 'cells', 'ocr', 'ocrCells', 'page']);
  });
});
