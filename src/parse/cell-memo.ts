// The answers of a pure function of a printed cell, worked out once per document. A table repeats
// its zeros and totals, and each cell is read by several stages (its table's reader, the cell
// checks, the held values), so the parse asks the same question of the same text many times.
// Two bounds keep memory flat in a long-lived parse worker: a memo is emptied when full, and every
// memo is emptied as each document's parse begins (forgetDocumentCells), because a key or an
// answer can be a slice of the document's text that would keep the whole text alive.

const MEMOS = new Set<{ readonly size: number; clear(): void }>();

/** One function's answers by key; `of` computes a missing one. */
export class CellMemo<V> {
  private readonly answers = new Map<string, V>();

  constructor(readonly max = 50_000) {
    MEMOS.add(this);
  }

  /** The answer for `key`, computed by `compute` the first time it is asked this document. */
  of(key: string, compute: () => V): V {
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = compute();
    if (this.answers.size >= this.max) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  get size(): number {
    return this.answers.size;
  }

  clear(): void {
    this.answers.clear();
  }
}

/** Empties every memo (parse/pipeline.ts, as each document's parse begins). */
export function forgetDocumentCells(): void {
  for (const memo of MEMOS) memo.clear();
}

/** How many answers all memos hold (tests: one document's at most). */
export function cellAnswersHeld(): number {
  let held = 0;
  for (const memo of MEMOS) held += memo.size;
  return held;
}
