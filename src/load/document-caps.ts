// Caps on the size of one document, so that any document is read and written in bounded time and
// memory, or refused before anything is written. Nothing capped a document before: a 40,000-row
// table (1.4 M characters, under the API's body limit) parsed in 2 s and then held the one write
// queue for 110 s, grew the Neo4j JVM by 560 MB and ended in a 503 (issue 35).
//
// Two checks. The text's, before it is parsed (one pass over the characters, milliseconds for the
// largest text allowed): characters, lines, the longest line, table rows and cells as the layout
// reads them (a line holding a tab is a row, its tab-separated fields its cells). The records',
// after it is parsed and before it is written: what one document writes, whatever the shape of
// the text that gave it (a table the PDF ran together on one line is no tab row but can give
// thousands of figures).
//
// A PDF is capped before it becomes a text, by what reading it costs (streams decoded, operators,
// image pixels, pages): src/source/pdf/pdf-budget.ts, in the same parse worker (issue #39).
import { BadDocumentError } from '../errors.js';
import { entriesOf } from '../keys.js';
import type { ParsedDocument, Source } from '../parse/records.js';


/**
 * The caps. The largest documents there are (measured on the five bundled documents of data/ and
 * the texts of the nine real PDFs of shared/real, `npm run parse -- FILE --text`): 004, a 部门预算
 * with 45 tables, has 87,193 characters, 2,629 lines, 1,134 table rows, 5,639 cells and 1,407
 * records to write; the longest line of any is 1,416 characters (a paragraph of 万里街道 2023); no
 * real PDF has over 615 lines or 409 rows.
 *
 * The rows, cells and records a document writes are capped at about five times that: what one
 * transaction must hold. Measured on 2 shared cores with the test suite's 768 MB heap (Neo4j lets
 * transactions use 70% of it, 537 MiB): a table of 4,990 rows that do not add up (the heaviest
 * shape found: 7,485 anomalies on 4,990 lines and codes) held 117 MB of transaction state, its
 * replacement 158 MB (old and new copy in one transaction), and were written in 8 s and 7 s;
 * 25,000 figures 107 MB and 169 MB. At 9,990 rows the replacement held 312 MB before its commit
 * and ran out of the pool during it; a 40,000-row table of distinct codes ran out of the default
 * heap's 717 MiB. The text itself (characters, lines, line length) costs far less and is capped
 * at ten or more times the largest: what is over it is not the text of one department's budget
 * document of one year, or should be split.
 */
export const DOCUMENT_CAPS = {
  /** Characters of the text; the API's `ingest` takes no longer text either. */
  chars: 1_500_000,
  /** Lines: each is kept with the document (its text, line by line) and read as prose or a row. */
  lines: 25_000,
  /** Characters of one line: no paragraph or table row is near it; a giant line is refused at once. */
  lineChars: 20_000,
  /** Table rows: each becomes one or more records and their relationships. */
  rows: 5_000,
  /** Table cells: each number of a table becomes a fact or a figure. */
  cells: 30_000,
  /** Records written for one document (plan rows: lines, projects, figures, anomalies, …). */
  records: 30_000,
  /**
   * Characters of their lines the records repeat: each keeps the line it was read from, so this
   * grows with a line's numbers times its length. The largest seen: 135,091 (002, mostly one
   * table of 105 numbers run together on a line of 820 characters); 30 times that is ~12 MB in
   * the store.
   */
  recordText: 4_000_000,
} as const;

export type DocumentCap = keyof typeof DOCUMENT_CAPS;

/** What each cap counts, for the sentence that refuses a document. */
const COUNTED: Record<DocumentCap, string> = {
  chars: 'characters',
  lines: 'lines',
  lineChars: 'characters on one line',
  rows: 'table rows',
  cells: 'table cells',
  records: 'records to write',
  recordText: 'characters of source text repeated by its records',
};

/** A document over one of the caps; `details` carry which (`cap`), its `limit` and the `count`. */
export class DocumentTooLargeError extends BadDocumentError {
  constructor(file: string, line: number, cap: DocumentCap, count: number, limit: number = DOCUMENT_CAPS[cap]) {
    const n = (x: number) => x.toLocaleString('en-US');
    super(file, line, `the document has ${n(count)} ${COUNTED[cap]}, more than the ${n(limit)} ${cap === 'lineChars' ? 'one line' : 'one document'} may have (the limit was passed on this line); split it into one document per department and year, or check that it is the text of a budget document (the largest seen stay under a tenth of the limit)`);
    Object.assign(this.details, { reason: 'DOCUMENT_TOO_LARGE', cap, count, limit });
  }
}

/** How far a text goes towards each cap, and the line on which it passed each. */
export interface TextSize {
  lines: number;
  rows: number;
  cells: number;
  /** The first line longer than the cap (its length), if any. */
  longLine: number;
  passedOn: Partial<Record<DocumentCap, number>>;
}

const TAB = 9;
const LF = 10;
const CR = 13;

/** Whitespace that `trimEnd` drops at the end of a line (so a tab there makes no row, as in layout.ts). */
function isBlank(code: number): boolean {
  return code === TAB || code === 32 || code === CR || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a);
}

/** One pass over the text: lines, rows and cells, the first over-long line, where each cap was passed. */
export function measureText(text: string, caps: Record<DocumentCap, number> = DOCUMENT_CAPS): TextSize {
  const size: TextSize = { lines: 1, rows: 0, cells: 0, longLine: 0, passedOn: {} };
  const passed = (cap: DocumentCap, count: number) => {
    if (count > caps[cap] && size.passedOn[cap] === undefined) size.passedOn[cap] = size.lines;
  };
  let lineStart = 0;
  // Tabs seen since the last character that is not blank: they make cells only if one follows.
  let pendingTabs = 0;
  let tabs = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : LF;
    if (code === TAB) {
      pendingTabs++;
      continue;
    }
    if (code !== LF) {
      if (!isBlank(code)) {
        tabs += pendingTabs;
        pendingTabs = 0;
      }
      continue;
    }
    const length = i - lineStart - (i > lineStart && text.charCodeAt(i - 1) === CR ? 1 : 0);
    if (length > caps.lineChars && !size.longLine) size.longLine = length;
    passed('lineChars', length);
    if (tabs > 0) {
      size.rows++;
      size.cells += tabs + 1;
      passed('rows', size.rows);
      passed('cells', size.cells);
    }
    if (i === text.length) break;
    size.lines++;
    passed('lines', size.lines);
    lineStart = i + 1;
    pendingTabs = 0;
    tabs = 0;
  }
  return size;
}

/** The line holding the character at `index` (1-based). */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Refuses a text over a cap before it is parsed: the cap passed first in the text, with the line
 * where it was passed, the count (the whole text's, or the over-long line's) and the limit. A
 * text over the character cap is refused without being read past the cap.
 */
export function refuseOversizedText(text: string, file: string, caps: Record<DocumentCap, number> = DOCUMENT_CAPS): void {
  if (text.length > caps.chars) throw new DocumentTooLargeError(file, lineOf(text, caps.chars), 'chars', text.length, caps.chars);
  const size = measureText(text, caps);
  const passed = entriesOf(size.passedOn).flatMap(([cap, at]): [DocumentCap, number][] => (at === undefined ? [] : [[cap, at]]));
  const first = passed.sort((a, b) => a[1] - b[1])[0];
  if (!first) return;
  const [cap, line] = first;
  const count = cap === 'lineChars' ? size.longLine : cap === 'lines' ? size.lines : cap === 'rows' ? size.rows : size.cells;
  throw new DocumentTooLargeError(file, line, cap, count, caps[cap]);
}

/** A record's place in the text and what it weighs towards a cap (1 record, or its characters). */
interface Weighed {
  line: number;
  weight: number;
}

/** The line where the running sum of weights, read top to bottom, passes `limit`. */
function lineWherePassed(items: Weighed[], limit: number): number {
  const sorted = [...items].sort((a, b) => a.line - b.line);
  let sum = 0;
  for (const { line, weight } of sorted) if ((sum += weight) > limit) return line;
  return sorted.at(-1)?.line ?? 1;
}

/** Refuses when the weights sum past the cap, naming where they passed it. */
function refuseOver(file: string, cap: DocumentCap, items: Weighed[], total: number, caps: Record<DocumentCap, number>): void {
  if (total > caps[cap]) throw new DocumentTooLargeError(file, lineWherePassed(items, caps[cap]), cap, total, caps[cap]);
}

/** The records of a parse that have one source each (anomalies have several). */
function recordLists(doc: ParsedDocument): { source: Source }[][] {
  return [doc.units, doc.lines, doc.projects, doc.indicators, doc.investmentProjects, doc.selfEvaluations, doc.threeCosts, doc.totals, doc.figures, doc.proseAmounts, doc.payments];
}

/** The records a parse gave (what the load plans its rows from). */
export function recordCount(doc: ParsedDocument): number {
  return doc.units.length + doc.lines.length + doc.projects.length + doc.indicators.length + doc.investmentProjects.length + doc.selfEvaluations.length + doc.threeCosts.length + doc.totals.length + doc.figures.length + doc.proseAmounts.length + doc.payments.length + doc.anomalies.length;
}

/**
 * Refuses a parsed document whose records are more than one document may write, or repeat more of
 * its text than that: every record keeps the line it was read from, so a line of thousands of
 * numbers (a table run together) is stored once per number. Checked in the parse worker before the
 * records are planned or sent to the main thread, where copying 48,000 figures of one 12,000-
 * character line took 19 s and a gigabyte.
 */
export function refuseOversizedRecords(doc: ParsedDocument, file: string, caps: Record<DocumentCap, number> = DOCUMENT_CAPS): void {
  const single = recordLists(doc).flat().map((r) => r.source);
  // An anomaly counts once, on its first line, and repeats the text of every line it cites.
  const records = [...single, ...doc.anomalies.flatMap((a) => a.sources.slice(0, 1))];
  refuseOver(file, 'records', records.map((s) => ({ line: s.line, weight: 1 })), recordCount(doc), caps);
  const sources = [...single, ...doc.anomalies.flatMap((a) => a.sources)];
  const chars = sources.reduce((sum, s) => sum + s.text.length, 0);
  refuseOver(file, 'recordText', sources.map((s) => ({ line: s.line, weight: s.text.length })), chars, caps);
}

/**
 * Refuses a load plan with more rows than one document may write (a plan adds rows to the
 * records: listings, code links, codes, units). `lines` are the source lines of the rows that
 * have one, `total` counts them all.
 */
export function refuseOversizedPlan(file: string, lines: number[], total: number, caps: Record<DocumentCap, number> = DOCUMENT_CAPS): void {
  refuseOver(file, 'records', lines.map((line) => ({ line, weight: 1 })), total, caps);
}
