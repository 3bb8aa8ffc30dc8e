// The read model: what the repository hands to the API. Money is integer fen (bigint).
// Every fact carries a SourceRef back to the document, table and line it was read from.
import { fen, fenOrNull, num, str, strOrNull, strings, type Decoded } from './props.js';
import type { ThreeCostsFigure } from '../model/three-costs.js';
import { BUDGET_LINE, INDICATOR, INVESTMENT_PROJECT, PROJECT, PROJECT_ALLOCATION, PROJECT_LISTING, SELF_EVALUATION, THREE_COSTS } from '../model/kinds/index.js';
import { readSpecOf } from './kind-readers.js';
import type { LinkMethod, LinkStatus } from '../model/codes.js';

export interface SourceRef {
  documentId: string;
  table: string | null;
  line: number | null;
  text: string | null;
  /** Which of its line's records the fact is, for the cells it read (src/model/read-keys.ts); absent for a kind alone on its line. */
  readKey?: string;
}

export interface DocumentRow {
  id: string;
  file: string;
  title: string;
  year: number;
  kinds: string[];
  moneyUnit: string;
  departmentId: string;
  departmentPrinted: string;
  /** The 预算单位 the document names (for a 单位预算, the unit it is of); null when none is printed. */
  unitPrinted: string | null;
  /** Where departmentPrinted was read (LINE, TITLE, UNIT, COVER); null for a graph loaded before it was kept. */
  publisherFrom: 'LINE' | 'TITLE' | 'UNIT' | 'COVER' | null;
  publisherSource: SourceRef | null;
  totalFen: bigint | null;
  totalBasis: 'BUDGET' | 'ACTUAL' | null;
  /** How the total was reached when no 合计 row prints it ("sum of 3 unit rows"). */
  totalNote: string | null;
  totalSource: SourceRef | null;
  /** The line that prints the document's title (and so its department). */
  titleSource: SourceRef | null;
  contentHash: string;
  loadedAt: string;
}

export interface DepartmentRow {
  id: string;
  name: string;
  aliases: string[];
  aliasRules: string[];
}

export interface UnitRow {
  id: string;
  name: string;
  isSelf: boolean;
  departmentId: string;
}

/** Fields of a BudgetLine node: its declared properties (src/model/kinds/budget-line.ts), its unit (null: the department as a whole) and year. */
export const LINE_FIELDS = { id: str, documentId: str, unitId: strOrNull, ...readSpecOf(BUDGET_LINE), year: num };

export type BudgetLineRow = Decoded<typeof LINE_FIELDS> & {
  /** The year's plan: a budget line's total, or a 决算 table's 预算 column. */
  budgetFen: bigint | null;
  /** What was spent: a 决算 line's total; null in budgets. */
  actualFen: bigint | null;
  columns: { header: string; amountFen: bigint }[];
  source: SourceRef;
};

export interface CodeRow {
  key: string;
  scheme: string;
  code: string;
  name: string | null;
  level: number | null;
  namesByYear: string[];
  parentKey: string | null;
  childKeys: string[];
}

/** Fields of a Project node: its declared properties (src/model/kinds/project.ts). */
export const PROJECT_FIELDS = { id: str, ...readSpecOf(PROJECT) };

export type ProjectRow = Decoded<typeof PROJECT_FIELDS> & {
  departmentId: string;
  /** In projects(): Σ of its allocations in the years asked. */
  amount?: bigint | null;
  /** In projects(): its department, read by the same statement (primes the department loader). */
  department?: DepartmentRow;
};

/**
 * Fields of a ProjectAllocation node as stored (cypher/load-allocations.cypher): its declared
 * properties (src/model/kinds/project-allocation.ts), its project, unit and document's year, and
 * what the load derives beside them.
 */
export const ALLOCATION_FIELDS = {
  id: str,
  projectId: str,
  documentId: str,
  // null: an allocation of the department as a whole, no unit's.
  unitId: strOrNull,
  year: num,
  ...readSpecOf(PROJECT_ALLOCATION),
  normName: str,
  parentName: strOrNull,
  sourceKinds: strings,
  funding: strOrNull,
};
export type AllocationRow = Decoded<typeof ALLOCATION_FIELDS> & { source: SourceRef };

/** Fields of a ProjectListing node: its declared properties (src/model/kinds/project-listing.ts) and the allocation it lists. */
export const LISTING_FIELDS = { id: str, allocationId: str, ...readSpecOf(PROJECT_LISTING) };
export type ListingRow = Decoded<typeof LISTING_FIELDS> & { source: SourceRef };

export interface CodeLinkRow {
  /** The allocation linked; null for an investment project's own BOOKED_UNDER link. */
  allocationId: string | null;
  codeKey: string;
  code: string;
  name: string | null;
  method: LinkMethod;
  note: string | null;
  /** The part of the project's money on this line, when it is not all of it (SPLIT). */
  amountFen?: bigint | null;
  /** Its part in the answers under the strength rule (src/model/codes.ts). */
  status: LinkStatus;
  rejectedBecause: string | null;
  evidence: SourceRef[];
}

/** Fields of an Indicator node: its declared properties (src/model/kinds/indicator.ts) and the allocation it measures. */
export const INDICATOR_FIELDS = { id: str, documentId: str, allocationId: strOrNull, ...readSpecOf(INDICATOR) };
export type IndicatorRow = Decoded<typeof INDICATOR_FIELDS> & { source: SourceRef };

/**
 * Fields of an InvestmentProject node as stored (cypher/load-investments.cypher): its declared
 * properties (src/model/kinds/investment-project.ts), and what the load adds around them.
 */
export const INVESTMENT_FIELDS = {
  id: str,
  documentId: str,
  /** The year of the document reporting it. */
  year: num,
  ...readSpecOf(INVESTMENT_PROJECT),
  allocationIds: strings,
  /** The budget unit that reports it (项目单位, else the department's own unit). */
  unitId: strOrNull,
};
export type InvestmentRow = Decoded<typeof INVESTMENT_FIELDS> & { fieldSources: { field: string; source: SourceRef }[]; source: SourceRef };

/** Fields of a SelfEvaluation node: its declared properties (src/model/kinds/self-evaluation.ts) and the allocation it evaluates. */
export const EVALUATION_FIELDS = { id: str, documentId: str, allocationId: strOrNull, ...readSpecOf(SELF_EVALUATION) };
export type EvaluationRow = Decoded<typeof EVALUATION_FIELDS> & { source: SourceRef };

/** The six 三公 figures in fen, one property per figure of src/model/three-costs.ts. */
export type ThreeCostsFen = { [F in ThreeCostsFigure as `${F}Fen`]: bigint | null };

/** Fields of a ThreeCosts node: its declared properties (src/model/kinds/three-costs.ts). */
export const THREE_COSTS_FIELDS = { id: str, documentId: str, ...readSpecOf(THREE_COSTS) };

export type ThreeCostsRow = Decoded<typeof THREE_COSTS_FIELDS> & {
  byFund: ({ fund: string } & ThreeCostsFen)[];
  source: SourceRef;
};

export interface AnomalyRow {
  id: string;
  documentId: string;
  kind: string;
  severity: string;
  message: string;
  deltaFen: bigint | null;
  sources: SourceRef[];
}

export interface LinkSupportRow {
  method: LinkMethod;
  note: string | null;
  evidence: SourceRef[];
}

export interface RejectedLinkRow extends LinkSupportRow {
  code: string;
  reason: string;
}

export interface CodeFeedRow {
  /** codeFeedKey(owner id, code): the counted link's own key. */
  id: string;
  year: number;
  documentId: string;
  departmentId: string;
  unitId: string | null;
  projectId: string | null;
  /** Null for an investment project's row. */
  allocationId: string | null;
  /** The counted money at the code (BOOKED_UNDER.countedFen). */
  amountFen: bigint | null;
  code: string;
  method: LinkMethod;
  methods: LinkMethod[];
  note: string | null;
  evidence: SourceRef[];
  support: LinkSupportRow[];
  alternatives: RejectedLinkRow[];
  department: DepartmentRow;
  unit: UnitRow | null;
  project: ProjectRow | null;
  investment: InvestmentRow | null;
}

export interface SearchHitRow {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  detail: string | null;
  score: number;
}

export interface GraphNodeRow {
  id: string;
  kind: string;
  name: string;
  properties: Record<string, unknown>;
  anomalies: number;
}

export interface GraphEdgeRow {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface Page<T> {
  total: number;
  items: T[];
  /** Each item's sort key (the list's order values, ending with its id): its cursor. null when
   * the page was read without them (no cursor selected: PageArgs.withSortKeys). */
  keys: unknown[][] | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A probable identity between two projects (SAME_AS), never a merge. */
export interface SameAsRow {
  rule: string;
  score: number;
  note: string;
  project: ProjectRow;
}

export const FIGURE_FIELDS = { id: str, documentId: str, family: str, side: strOrNull, item: str, column: str, measure: str, value: str, amountFen: fenOrNull, basis: str };
export type FigureRow = Decoded<typeof FIGURE_FIELDS> & { source: SourceRef };

export interface TableTotalRow {
  id: string;
  documentId: string;
  table: string;
  unitName: string | null;
  totalFen: bigint | null;
  basicFen: bigint | null;
  projectFen: bigint | null;
  columns: { header: string; amountFen: bigint }[];
  source: SourceRef;
}

export interface ProseAmountRow {
  id: string;
  documentId: string;
  item: string;
  amountFen: bigint;
  changeFen: bigint | null;
  changePercent: string | null;
  parent: string | null;
  restates: { kind: string; factId: string; rule: string; source: SourceRef } | null;
  source: SourceRef;
}

export const PAYMENT_FIELDS = { id: str, documentId: str, project: strOrNull, serial: strOrNull, item: str, amountFen: fen };
export type PaymentRow = Decoded<typeof PAYMENT_FIELDS> & { source: SourceRef };

/** A diagnostic as stored with its document's text (src/load/loader.ts textAndDiagnostics). */
export interface DiagnosticRow {
  level: 'INFO' | 'WARNING';
  code: string;
  message: string;
  /** The cell or row as printed when the diagnostic is about one (an amount repaired, a row realigned). */
  original: string | null;
  source: SourceRef;
}
