// Which record of a line a set of cells read belongs to (#39 item 1): a line can give several
// records — side-by-side 科目 blocks (one BudgetLine per block), a 三公 row printing 预算数 | 决算数
// (a BUDGET and an ACTUAL record) — and each is served the cells it read, not its neighbours'. The
// load stores each record's cells under this key beside the line's place (src/load/places.ts); the
// read side builds the same key from the fact's stored properties (src/query/rows.ts).

/** The kinds whose records say which cells they read and can share a line with another record of theirs. */
export type KeyedReadKind = 'BudgetLine' | 'ThreeCosts' | 'Figure';

/** The key of a record's cells on its line: its kind and what tells it from the line's other records (a line's code, a 三公 record's basis). */
export const readKey = (kind: KeyedReadKind, what: string): string => `${kind}:${what}`;

/** A figure's key: its row's label and its column's header path (a score row prints several: 分值 of each level, 自评得分). */
export const figureReadKey = (item: string, column: string): string => readKey('Figure', `${item}|${column}`);
