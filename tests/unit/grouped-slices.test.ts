// One write statement for a whole batch (issue 41): each document's rows stay under its id when
// many documents' rows are cut into runs of at most WRITE_SLICE_ROWS (src/load/loader.ts).
import { describe, expect, it } from 'vitest';
import { groupedSlices } from '../../src/load/loader.js';

const doc = (id: string, n: number) => ({ documentId: id, departmentId: `dep-${id}`, rows: Array.from({ length: n }, (_, k) => `${id}${k}`) });

describe('groupedSlices', () => {
  it('puts many documents in one run while their rows fit, each row under its own document', () => {
    expect(groupedSlices([doc('a', 2), doc('b', 0), doc('c', 3)], 10)).toEqual([[doc('a', 2), doc('c', 3)]]);
  });

  it('cuts a document across runs when its rows do not fit, never more rows a run than the size', () => {
    const runs = groupedSlices([doc('a', 3), doc('b', 4), doc('c', 1)], 5);
    expect(runs.map((run) => run.map((g) => [g.documentId, g.rows.length]))).toEqual([
      [['a', 3], ['b', 2]],
      [['b', 2], ['c', 1]],
    ]);
    // Every row once, in order, under the document it came from (its department kept beside it).
    expect(runs.flat().flatMap((g) => g.rows.map((r) => `${String(g.documentId)}:${r}`))).toEqual(['a:a0', 'a:a1', 'a:a2', 'b:b0', 'b:b1', 'b:b2', 'b:b3', 'c:c0']);
    expect(runs.flat().every((g) => g.departmentId === `dep-${String(g.documentId)}`)).toBe(true);
  });

  it('sends nothing for documents without rows', () => {
    expect(groupedSlices([doc('a', 0)], 5)).toEqual([]);
  });
});
