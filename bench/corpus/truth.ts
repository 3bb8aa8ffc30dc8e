// Ground truth written beside each generated document: every fact the parser must read, exact.
export interface TruthLine {
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
  /** Anomaly kinds the document carries on purpose (prose against table, a cut code). */
  anomalies: string[];
  hazards: string[];
}
