// CheckRule // 检查规则: one named check over a parsed document — what it compares, why, how much a
// finding matters — declared as data so the registry can list, run and document every rule.
import type { AnomalyKind, Severity } from '../../model/anomalies.js';
import type { Layout, LineCells } from '../layout.js';
import type { Anomaly, Diagnostic, ParsedDocument } from '../records.js';

/** The families of checks (issue #38): arithmetic, prose against tables, words, completeness, form. */
export const CHECK_FAMILIES = {
  ARITHMETIC: 'Sums and rates a table or a sentence prints against the figures it is made of.',
  PROSE_TABLES: 'An amount, share or change the prose states against the tables, in the same unit and rounding.',
  WORDS: 'One thing named two ways in one document: a code, a year.',
  COMPLETENESS: 'The tables and sections the document must publish.',
  FORMAT: 'Placeholders, doubled punctuation, unbalanced quotes, repeated text: form, no figure changed.',
} as const;
export type CheckFamily = keyof typeof CHECK_FAMILIES;

/** What a rule reads: the parsed records, the layout they came from, and the text lines (1-based). */
export interface CheckContext {
  doc: ParsedDocument;
  layout: Layout;
  /** Every text line as stored (index 0 = line 1). */
  lines: readonly string[];
  /** Where each line is printed (index 0 = line 1), when the source has a page map: its page and cells. */
  places?: readonly (PlacedLine | null)[] | null;
  /** What the source said of the file (a scanned page read by OCR or not). */
  sourceNotes?: readonly Diagnostic[];
}

/** A line's place as the source gives it (src/source LinePlace): the page it is printed on, its cells' boxes. */
export interface PlacedLine extends LineCells {
  page?: number;
}

export interface CheckRule {
  /** The rule's name, upper snake (several rules may report one AnomalyKind). */
  code: string;
  kind: AnomalyKind;
  family: CheckFamily;
  /**
   * The severity of a finding beyond rounding. The rule lowers it to INFO itself when the
   * difference lies inside the rounding the document declares or prints (its run says how).
   */
  severity: Severity;
  /** What is compared with what. */
  compares: string;
  /** Why a difference matters to a reader. */
  why: string;
  run(ctx: CheckContext): Anomaly[];
}
