// The answers of a pure function of a printed cell, worked out once per document. A table repeats
// its zeros and totals, and each cell is read by several stages (its table's reader, the cell
// checks, the held values), so the parse asks the same question of the same text many times.
// Two bounds keep memory flat in a long-lived parse worker: a memo is emptied when full, and every
// memo is emptied as each document's parse begins (forgetDocumentCells), because a key or an
// answer can be a slice of the document's text that would keep the whole text alive.

const MEMOS = new Set<{ readonly size: number; clear(): void }>();

/**
 * One function's answers by key; `of` computes a missing one. The key is the cell's text itself,
 * under the other arguments' part (`by`: a unit, a flag): a key joined into one string was a new
 * string to flatten and hash at every question, where the cell's own string keeps its hash.
 */
export class CellMemo<V> {
  private readonly answers = new Map<string, Map<string, V>>();
  private held = 0;

  constructor(readonly max = 50_000) {
    MEMOS.add(this);
  }

  /** The answer for `key` under `by`, computed by `compute` the first time it is asked this document. */
  of(by: string, key: string, compute: () => V): V {
    let answers = this.answers.get(by);
    if (answers === undefined) this.answers.set(by, (answers = new Map()));
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = compute();
    if (this.held >= this.max) {
      // Full: every answer goes, this key's group too (a new one takes its place).
      this.clear();
      this.answers.set(by, (answers = new Map()));
    }
    answers.set(key, answer);
    this.held++;
    return answer;
  }

  get size(): number {
    return this.held;
  }

  clear(): void {
    this.answers.clear();
    this.held = 0;
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
