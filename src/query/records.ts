// The read model: what the repository hands to the API. Money is integer fen (bigint).
// Every fact carries a SourceRef back to the document, table and line it was read from.
import type { ThreeCostsFigure } from '../model/three-costs.js';
import type { LinkMethod, LinkStatus } from '../model/codes.js';

export interface SourceRef {
  documentId: string;
  table: string | null;
  line: number | null;
  text: string | null;
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

export interface BudgetLineRow {
  id: string;
  documentId: string;
  unitId: string;
  scheme: 'FUNCTION' | 'ECONOMIC' | 'PROCUREMENT';
  code: string;
  name: string;
  level: number | null;
  basis: 'BUDGET' | 'ACTUAL';
  year: number;
  totalFen: bigint | null;
  basicFen: bigint | null;
  projectFen: bigint | null;
  budgetFen: bigint | null;
  actualFen: bigint | null;
  columns: { header: string; amountFen: bigint }[];
  source: SourceRef;
}

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

export interface ProjectRow {
  id: string;
  name: string;
  names: string[];
  normName: string;
  departmentId: string;
  /** In projects(): Σ of its allocations in the years asked. */
  amount?: bigint | null;
  /** In projects(): its department, read by the same statement (primes the department loader). */
  department?: DepartmentRow;
}

export interface AllocationRow {
  id: string;
  projectId: string;
  documentId: string;
  unitId: string;
  year: number;
  name: string;
  normName: string;
  level: number | null;
  parentName: string | null;
  amountFen: bigint | null;
  executedFen: bigint | null;
  executionRate: string | null;
  key: boolean;
  goal: string | null;
  justification?: string | null;
  period?: string | null;
  sourceKinds: string[];
  funding: string | null;
  source: SourceRef;
}

export interface ListingRow {
  id: string;
  allocationId: string;
  name: string;
  sourceKind: string;
  amountFen: bigint | null;
  executedFen: bigint | null;
  functionCode: string | null;
  source: SourceRef;
}

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

export interface IndicatorRow {
  id: string;
  documentId: string;
  allocationId: string | null;
  level1: string | null;
  level2: string | null;
  name: string;
  target: string | null;
  actual: string | null;
  reason: string | null;
  source: SourceRef;
}

export interface InvestmentRow {
  id: string;
  documentId: string;
  code: string;
  truncated: boolean;
  registrationYear: number | null;
  divisionCode: string | null;
  industryCode: string | null;
  typeCode: string | null;
  serial: string | null;
  name: string;
  year: number;
  totalInvestmentFen: bigint | null;
  plannedInYearFen: bigint | null;
  completedInYearFen: bigint | null;
  cumulativeCompletedFen: bigint | null;
  completionRate: string | null;
  progress: string | null;
  startDate: string | null;
  endDate: string | null;
  nature: string | null;
  totalFiscalFen: bigint | null;
  totalOtherFen: bigint | null;
  targetAtYearStartFen: bigint | null;
  completedGeneralBudgetFen: bigint | null;
  completedGovernmentFundFen: bigint | null;
  planExecutionRate: string | null;
  imageProgress: string | null;
  industry: string | null;
  started: boolean | null;
  completed: boolean | null;
  fieldSources: { field: string; source: SourceRef }[];
  allocationIds: string[];
  /** The budget unit that reports it (项目单位, else the department's own unit). */
  unitId?: string | null;
  source: SourceRef;
}

export interface EvaluationRow {
  id: string;
  documentId: string;
  allocationId: string | null;
  project: string;
  origin: 'TABLE' | 'PROSE';
  budgetFen: bigint | null;
  executedFen: bigint | null;
  rate: string | null;
  source: SourceRef;
}

/** The six 三公 figures in fen, one property per figure of src/model/three-costs.ts. */
export type ThreeCostsFen = { [F in ThreeCostsFigure as `${F}Fen`]: bigint | null };

export interface ThreeCostsRow extends ThreeCostsFen {
  id: string;
  documentId: string;
  origin: 'TABLE' | 'PROSE';
  year: number | null;
  basis: 'BUDGET' | 'ACTUAL';
  byFund: ({ fund: string } & ThreeCostsFen)[];
  source: SourceRef;
}

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
  /** Each item's sort key (the list's order values, ending with its id): its cursor. */
  keys: unknown[][];
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

export interface FigureRow {
  id: string;
  documentId: string;
  family: string;
  side: string | null;
  item: string;
  column: string;
  measure: string;
  value: string;
  amountFen: bigint | null;
  basis: string;
  source: SourceRef;
}

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

export interface PaymentRow {
  id: string;
  documentId: string;
  project: string | null;
  serial: string | null;
  item: string;
  amountFen: bigint;
  source: SourceRef;
}
