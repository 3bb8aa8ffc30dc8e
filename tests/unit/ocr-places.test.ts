// OCR's confidence kept with a line's place (#39 item 3: "every fact read by OCR says so with its
// confidence"): the source marks each line read by OCR with the lowest confidence of its words
// (src/source LinePlace.ocr); the stored place keeps it (src/load/places.ts) and the read-back gives
// it as ocrConfidence (src/query/places.ts → Source.ocrConfidence), null for a text layer's line.
// Before: placesJson stored page and boxes only, and the confidence was lost at the store.
import { describe, expect, it } from 'vitest';
import { placesJson } from '../../src/load/places.js';
import { placeFromJson } from '../../src/query/places.js';
import type { LinePlace } from '../../src/source/index.js';

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
