// Ground truth written beside each generated document: every fact the parser must read, exact.
export interface TruthLine {
  /** FUNCTION unless said (公开06's 经济分类 blocks are ECONOMIC). */
  scheme?: 'ECONOMIC';
  table: string;
  code: string;
  total: string; // fen, as a decimal string (JSON has no bigint)
  basic: string;
  project: string;
}

export interface TruthProject {
  name: string;
  stem: string;
  amount: string;
  executed: string | null;
  functionCode: string | null;
  /** The 功能分类 项 the project's money is booked under (ground truth for code links). */
  bookedUnder: string;
}

export interface TruthInvestment {
  code: string;
  truncated: boolean;
  name: string;
  totalInvestment: string;
  plannedInYear: string;
  completedInYear: string;
  cumulativeCompleted: string;
  targetAtYearStart: string;
  totalFiscal: string;
  totalOther: string;
  completedGeneralBudget: string;
  completedGovernmentFund: string;
  planExecutionRate: string;
  industry: string;
  started: boolean;
}

/** A number of a table no family record holds (收支总表 items, zero-only tables, run-together tables). */
export interface TruthFigure {
  family: string;
  side: string | null;
  /** The row label, or the end of it (a run-together table's labels carry the wrapped words before them). */
  item: string;
  amount: string;
}

/** An amount the prose states, with the change stated for it and the item it is part of. */
export interface TruthProseAmount {
  item: string;
  amount: string;
  change: string | null;
  changePercent: string | null;
  parent: string | null;
}

export interface TruthThreeCosts {
  origin: 'TABLE' | 'PROSE';
  total: string;
  abroad: string;
  reception: string;
  vehicles: string;
}

export interface DocumentTruth {
  file: string;
  family: 'BUDGET' | 'FINAL_ACCOUNTS' | 'TARGET_FORM';
  style: string;
  department: string;
  departmentId: string;
  year: number;
  lines: TruthLine[];
  projects: TruthProject[];
  investments: TruthInvestment[];
  threeCosts: TruthThreeCosts[];
  figures?: TruthFigure[];
  proseAmounts?: TruthProseAmount[];
  /** Rows a form prints that are not projects (基本支出: 在职人员经费 …). */
  notProjects?: string[];
  /** Anomaly kinds the document carries on purpose (prose against table, a cut code). */
  anomalies: string[];
  hazards: string[];
}
