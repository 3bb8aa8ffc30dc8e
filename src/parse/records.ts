// Typed records the parser produces. Every record carries its provenance: the document,
// the table (or prose section) and the 1-based line it came from, with that line's text.
// Amounts are integer fen (分, 0.01 yuan = 0.000001 万元), never floats.
import type { AnomalyKind, Severity } from '../model/anomalies.js';
import type { DocumentKind } from '../model/documents.js';
import type { FigureMeasure } from '../model/figures.js';
import type { ProjectSourceKind } from '../model/projects.js';
import type { MoneyUnit } from './amount.js';
import type { FieldSourced, RecordOf } from '../model/fact-kind.js';
import type { BUDGET_LINE, INDICATOR, INVESTMENT_PROJECT, PROJECT_ALLOCATION, PROJECT_LISTING, SELF_EVALUATION, THREE_COSTS } from '../model/kinds/index.js';
import type { ThreeCostsFigure } from '../model/three-costs.js';
export type { AnomalyKind, DocumentKind, FigureMeasure, MoneyUnit, ProjectSourceKind, Severity };


export interface Source {
  file: string;
  /** Table title as printed (normalised), or "正文" for prose. */
  table: string;
  line: number;
  text: string;
}

/**
 * The cells of its row a record read (#39 item 1): indexes into its table row's cells (layout.ts
 * Row.cells), ascending — a 科目 line's code, name and amount cells, a 三公 record's figures, a
 * payment's serial, item and amount, a form's label and the value after it (项目名称 | its name,
 * 国家编码 | the code), an indicator's levels, name and values, a listed project's cells, a
 * self-evaluation form's figures. Set by the reader that read them; absent when it does not say.
 */
export type ReadsCells = {
  cellsRead?: number[];
};


/** Document metadata (文档信息). */
export interface DocumentMeta {
  file: string;
  title: string;
  /** The department (预算主管部门) as printed: publisher.department. */
  department: string;
  year: number;
  kinds: DocumentKind[];
  /**
   * The document's unit: what a table that declares no unit of its own is read in (every table that
   * declares one is read in its own: ParsedDocument.tableUnits). Amounts are fen whatever it is.
   */
  moneyUnit: MoneyUnit;
  /** The line declaring moneyUnit when every declaration of the document agrees; null when 万元 is taken by convention. */
  moneyUnitSource?: Source | null;
  roundingNote: boolean;
  source: Source;
  /** Who publishes the document, as printed, with the line each name was read from. */
  publisher?: Publisher;
}

/** Publisher // 发布者: the department (预算主管部门) and, for a 单位预算, the unit (预算单位) as printed. */
export interface Publisher {
  department: string;
  /**
   * Where the department's name was read, in order of trust: LINE, a line that names it
   * (预算主管部门：…, 编制部门：…, 部门名称：…); TITLE, the title; UNIT, none printed — a 单位预算
   * naming only its unit, whose name is taken; COVER, the cover's first line.
   */
  departmentFrom: 'LINE' | 'TITLE' | 'UNIT' | 'COVER';
  departmentSource: Source;
  /** The 预算单位 the document names (预算单位：… / 编制单位：… / 单位名称：…): for a 单位预算, the unit it is of; null when none is printed. */
  unit: string | null;
  unitSource: Source | null;
}

/** TableUnit // 表的金额单位: the unit a table's amounts were read in, and why. */
export interface TableUnit {
  /** The table's title as printed (normalised), and its title line. */
  table: string;
  line: number;
  unit: MoneyUnit;
  /** DECLARED: the table (its title, the line above its header, its page) prints 单位：…; DOCUMENT: it prints none and takes the document's. */
  from: 'DECLARED' | 'DOCUMENT';
  /** The line that declares it; null when taken from the document. */
  source: Source | null;
}

/** BudgetUnit // 预算单位 / 基层单位 */
export interface BudgetUnit {
  name: string;
  isSelf: boolean;
  source: Source;
}

export type CodeScheme = 'FUNCTION' | 'ECONOMIC' | 'PROCUREMENT';

/**
 * BudgetLine // 科目行, a row of a classification table (功能分类科目, 经济分类科目, 采购品目): its declared
 * properties (src/model/kinds/budget-line.ts), its unit, every column and where it is printed.
 */
export type BudgetLine = RecordOf<typeof BUDGET_LINE> & ReadsCells & {
  /** The 预算单位 the table prints it under; null when the table is of the department as a whole. */
  unit: string | null;
  /** Every amount column by its flattened header path. */
  columns: Record<string, bigint>;
  source: Source;
};

/** "三公"经费 figures; from a table or from the prose, both kept. */
export type ThreeCosts = RecordOf<typeof THREE_COSTS> & ReadsCells & {
  /** Per fund (一般公共预算 / 政府性基金预算 / 国有资本经营预算) where the table splits them; the
   *  headline figures above are then their sums. */
  byFund?: ({ fund: string } & { [F in ThreeCostsFigure]: bigint | null })[];
  source: Source;
};


/**
 * Project // 项目 (一级/二级) as one table, form or paragraph lists it: the declared properties of
 * its allocation (src/model/kinds/project-allocation.ts; the load merges a document's listings of
 * one project into it) and of the listing itself (project-listing.ts), and where it is listed.
 */
export type Project = RecordOf<typeof PROJECT_ALLOCATION> & RecordOf<typeof PROJECT_LISTING> & ReadsCells & {
  /** A listing says 一级 or 二级 (the declaration's int, narrowed). */
  level: 1 | 2 | null;
  parent: string | null;
  unit: string | null;
  functionName: string | null;
  source: Source;
  /** Where the money came from (资金来源) as the form prints it; absent when it does not. */
  funding?: FundingLine[];
  /** The line the amount was read from when it is not `source` (a form's 资金总额 row). */
  amountSource?: Source;
  /** The cells of amountSource's line the amount (and executed, rate) were read from. */
  amountRead?: ReadsCells;
};

/** FundingLine // 资金来源: one source of a project's money (财政拨款, 上年结转, 其他资金…). */
export interface FundingLine extends ReadsCells {
  source: string;
  budget: bigint | null;
  executed: bigint | null;
  /** 执行率 as printed on the source's row, when the form prints one. */
  rate?: string | null;
  line: Source;
}

/** Indicator // 绩效指标: its declared properties (src/model/kinds/indicator.ts), what it measures and where it is printed. */
export type Indicator = RecordOf<typeof INDICATOR> & ReadsCells & {
  /** null = the department (整体支出); else the project's name. */
  project: string | null;
  source: Source;
};

/**
 * InvestmentProject // 政府投资项目: its declared properties (src/model/kinds/investment-project.ts),
 * the unit printed for it and where it was read.
 */
export type InvestmentProject = RecordOf<typeof INVESTMENT_PROJECT> & ReadsCells & {
  /** 项目单位 as printed; null when the form prints none (the department's own unit reports it). */
  unit: string | null;
  /** The line printing 项目总体完成率 and 累计完成投资, when there is one. */
  rateSource?: Source;
  /** The line printing 项目总投资, when there is one. */
  totalSource?: Source;
  source: Source;
  /** The line each field was read from (a form spreads one project over many lines). */
  fieldSources: Partial<Record<InvestmentField, Source>>;
};
/** The properties read from a line of their own (declared provenance: 'field'). */
export type InvestmentField = FieldSourced<typeof INVESTMENT_PROJECT>;

/** Figure // 表内数字: a number a table prints that no richer record holds (summary tables, 合计 columns, scores, payment lists). */
export interface Figure extends ReadsCells {
  family: import('./families.js').TableFamily;
  /** 收入 or 支出 in a side-by-side table; null otherwise. */
  side: string | null;
  /** The row's label as printed (code and name, an item, a unit); '' when the row prints none. */
  item: string;
  /** The column's header path ("本年收入/财政拨款/小计"); '' when the table prints none. */
  column: string;
  measure: FigureMeasure;
  /** The number as printed, spaces removed. */
  value: string;
  /** MONEY figures in fen. */
  amount: bigint | null;
  basis: 'BUDGET' | 'ACTUAL';
  source: Source;
}

/** Payment // 支付明细: one payment a 项目支出明细表 lists. */
export type Payment = ReadsCells & {
  /** The project the table's title names, when it names one. */
  project: string | null;
  /** 序号 as printed. */
  serial: string | null;
  /** 支出事项 as printed. */
  item: string;
  amount: bigint;
  source: Source;
};

/** ProseAmount // 正文金额: an amount a sentence states, with the change it states beside it. */
export interface ProseAmount {
  /** What the amount is of, as the sentence names it ("基本支出", a task's name). */
  item: string;
  amount: bigint;
  /** 比上年增加 / 减少 … 万元, signed (减少 negative). */
  change: bigint | null;
  /** 增长 / 下降 …%, as printed with its sign. */
  changePercent: string | null;
  /** The project this amount is an item of, in an itemised list ("主要包括：…"). */
  parent: string | null;
  source: Source;
}

/** SelfEvaluation // 绩效自评 */
export type SelfEvaluation = RecordOf<typeof SELF_EVALUATION> & ReadsCells & { source: Source };



export interface Anomaly {
  kind: AnomalyKind;
  severity: Severity;
  message: string;
  /** Signed difference in fen where one applies. */
  delta: bigint | null;
  sources: Source[];
}

export interface Diagnostic {
  level: 'INFO' | 'WARNING';
  code: string;
  message: string;
  line: number;
  original?: string;
}

/** TableTotal // 合计 row of a classification table (unit null = the whole table). */
export type TableTotal = ReadsCells & {
  table: string;
  /** Every amount the row prints, by column header path. */
  columns?: Record<string, bigint>;
  unit: string | null;
  total: bigint | null;
  basic: bigint | null;
  project: bigint | null;
  source: Source;
};

export interface ParsedDocument {
  meta: DocumentMeta;
  totals: TableTotal[];
  units: BudgetUnit[];
  lines: BudgetLine[];
  threeCosts: ThreeCosts[];
  projects: Project[];
  indicators: Indicator[];
  investmentProjects: InvestmentProject[];
  selfEvaluations: SelfEvaluation[];
  figures: Figure[];
  proseAmounts: ProseAmount[];
  payments: Payment[];
  anomalies: Anomaly[];
  diagnostics: Diagnostic[];
  /** The unit each table was read in (one per table the layout found, in order). */
  tableUnits?: TableUnit[];
}
