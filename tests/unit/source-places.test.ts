// Page and box on every fact (#39 item 1), the loader's half: where each line of a source is
// printed (src/source LinePlace) reaches the statement that stores the document's text, one JSON
// object per line, and reads back as the API serves it. Before: the places stopped at the parser
// (src/cli/parse.ts); the parse worker, the load plan and the graph never had them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { textAndDiagnostics } from '../../src/load/loader.js';
import { ParseWorkerPool } from '../../src/load/parse-off-thread.js';
import { placeFromJson, placeKey } from '../../src/query/places.js';
import type { LinePlace } from '../../src/source/index.js';

const row: LinePlace = { page: 8, box: [66.6, 275.8, 775.4, 293.1], cells: [[66.6, 275.82, 108.72, 293.07], [108.72, 275.82, 149.28, 293.07]] };

describe('places as the loader stores them', () => {
  it('one JSON object per text line, read back as served', () => {
    const stored = textAndDiagnostics('第一行\n201\t行政运行\n', [], [{ page: 7, box: null, cells: [] }, row, { page: 8, box: null, cells: [] }]);
    expect(stored.lines).toHaveLength(3);
    expect(stored.places).toHaveLength(3);
    expect(stored.places!.map((p, i) => placeFromJson(p, stored.lines[i]))).toEqual([
      { page: 7, box: null, cells: [], cellTexts: null, ocrConfidence: null, cellOcr: null, read: null, readBy: null },
      { ...row, cellTexts: ['201', '行政运行'], ocrConfidence: null, cellOcr: null, read: null, readBy: null },
      { page: 8, box: null, cells: [], cellTexts: null, ocrConfidence: null, cellOcr: null, read: null, readBy: null },
    ]);
    // Places hold no text: page numbers and boxes only (nothing personal can be in them).
    expect(stored.places!.join('')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('none for a text without pages; none, and a warning, for places that do not line up with the text', () => {
    expect(textAndDiagnostics('a\nb', [], null)).toMatchObject({ places: null, diagnostics: [] });
    const off = textAndDiagnostics('a\nb\nc', [], [row, row]);
    expect(off.places).toBeNull();
    expect(off.diagnostics.map((d) => JSON.parse(d).code)).toEqual(['PLACES_NOT_STORED']);
  });

  it('reads nothing it did not write', () => {
    for (const bad of [null, '', 'x', '{}', '{"page":0}', '{"page":1.5}', '[1]']) expect(placeFromJson(bad)).toBeNull();
    expect(placeFromJson('{"page":3,"box":[1,2],"cells":[[1,2,3]]}')).toEqual({ page: 3, box: null, cells: [], cellTexts: null, ocrConfidence: null, cellOcr: null, read: null, readBy: null });
    // Cells that do not line up with the line's tab-separated parts get no text.
    expect(placeFromJson('{"page":3,"cells":[[1,2,3,4]]}', 'a\tb')).toEqual({ page: 3, box: null, cells: [[1, 2, 3, 4]], cellTexts: null, ocrConfidence: null, cellOcr: null, read: null, readBy: null });
    // The line first: a document id may hold a '#'.
    expect(placeKey('a#b', 12)).toBe('12#a#b');
  });
});

describe('the parse worker', () => {
  const pool = new ParseWorkerPool();
  afterAll(() => pool.close());

  it('hands back each line’s place with the text it plans, for a PDF', async () => {
    const file = '上海市普陀区财政局2024年度部门决算.pdf';
    const prepared = await pool.parse(file, readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', file)));
    const lines = prepared.text.split('\n');
    expect(prepared.places).toHaveLength(lines.length);
    // Page 8 of the printed document (rendered with pdftoppm): the row "201 06 01 行政运行 1,511.90".
    const at = lines.findIndex((l) => /^201\t06\t01\t行政运行\t1,511\.90\t/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(prepared.places![at]!.page).toBe(8);
    // With the cells its line was read from (src/parse/cells-read.ts): 201 | 06 | 01 | 行政运行 |
    // 1,511.90 | 1,511.89 and, past four blank columns, 其他收入 0.01 (#39 item 1).
    expect(JSON.parse(textAndDiagnostics(prepared.text, [], prepared.places).places![at]!).read).toEqual([0, 1, 2, 3, 4, 5, 10]);
    expect(textAndDiagnostics(prepared.text, [], prepared.places).places).toHaveLength(lines.length);
  });

  it('and none for a text without form feeds', async () => {
    const file = '003_beb2cb8da5a2afe3.txt';
    const prepared = await pool.parse(file, readFileSync(join(projectRoot, 'data', file)));
    expect(prepared.places).toBeNull();
  });
});
