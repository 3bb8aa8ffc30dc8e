// The parse keeps each cell's reading for the stages that read it again (src/parse/cell-memo.ts,
// used by amount.ts and held.ts: #41 item 1), and forgets them as the next document's parse begins: a cell's text can be
// a slice that keeps its whole document's text alive, so what the parser holds must not grow with
// the documents it has read (a parse worker reads thousands).
import { describe, expect, it } from 'vitest';
import { CellMemo, cellAnswersHeld } from '../../src/parse/cell-memo.js';
import { parseDocument } from '../../src/parse/index.js';
import { generateCorpus } from '../../bench/corpus/generate.js';

describe('cell readings kept by the parse', () => {
  it("are one document's at most: after A, B and A again, what is held is what A alone left", () => {
    const [a, b] = generateCorpus(2, 4141);
    if (!a || !b) throw new Error('the generator gave fewer than 2 documents');
    parseDocument(a.text, a.file);
    const afterA = cellAnswersHeld();
    expect(afterA).toBeGreaterThan(0);
    parseDocument(b.text, b.file);
    parseDocument(a.text, a.file);
    expect(cellAnswersHeld()).toBe(afterA);
  });
});

describe('a memo that is full', () => {
  it('lets every answer go, its own key group too: a cell asked again after is worked out again', () => {
    const memo = new CellMemo<number>(3);
    let worked = 0;
    const read = (cell: string) => memo.of('万元', cell, () => ++worked);
    for (const cell of ['1.00', '2.00', '3.00', '4.00']) read(cell);
    expect(worked).toBe(4);
    // '1.00' went when the fourth cell found the memo full (all under one unit, as in most tables).
    read('1.00');
    expect(worked).toBe(5);
    expect(memo.size).toBeLessThanOrEqual(3);
  });
});
