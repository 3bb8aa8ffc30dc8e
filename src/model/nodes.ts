// Every kind of node in the graph, declared once: its Neo4j label, the property that identifies
// it, its Chinese term and what it is. cypher/schema.cypher's constraints, the NodeKind enum,
// the explorer's legend and docs/graph-model.md are checked against this table
// (tests/unit/model.test.ts); node ids ("<Kind>:<key>") are built and parsed from it.
import { CODE_SCHEMES, type CodeLabel, type CodeScheme } from './codes.js';
import { moneyStoredNames, type FactKindDecl } from './fact-kind.js';
import { BUDGET_LINE, INDICATOR, INVESTMENT_PROJECT, PROJECT, PROJECT_ALLOCATION, PROJECT_LISTING, SELF_EVALUATION, THREE_COSTS } from './kinds/index.js';
import { isKeyOf, keysOf, tableOf } from '../keys.js';

export interface NodeKindDecl {
  /** The Chinese term, when the documents have one. */
  term: string | null;
  /** What one node is, in English. */
  gloss: string | null;
  /** The property unique among nodes of the kind (a constraint in cypher/schema.cypher). */
  key: string;
  /** Codes share the label Code, keyed by "<Label>:<code>" (see codes.ts). */
  codeLabel?: true;
  /** Its money properties, integer fen (shown in 万元 without the suffix). */
  money?: readonly string[];
  /**
   * Where it was read: `line` — srcTable / srcLine / srcText of one printed line; `lines` — a
   * list of sources (an anomaly's sides); absent — derived or shared across documents.
   */
  provenance?: 'line' | 'lines';
}

/** A declared fact kind's term and money (src/model/kinds): never written here a second time. */
const declared = <K extends FactKindDecl>(kind: K): { term: K['zh']; money?: string[] } => {
  const money = moneyStoredNames(kind);
  return { term: kind.zh, ...(money.length ? { money } : {}) };
};

const code = (scheme: CodeScheme): NodeKindDecl => ({ term: CODE_SCHEMES[scheme].term, gloss: null, key: 'code', codeLabel: true });

/** Served as the NodeKind enum and used by the explorer: every kind a user can meet. */
export const NODE_KINDS_DECL = {
  Department: { term: '部门', gloss: null, key: 'id' },
  Document: { term: '公开文件', gloss: 'one loaded document', key: 'id', money: ['totalFen'], provenance: 'line' },
  BudgetUnit: { term: '预算单位', gloss: null, key: 'id', provenance: 'line' },
  // Its all-years amount is derived from its allocations (project-totals-set.cypher), not declared.
  Project: { ...declared(PROJECT), gloss: 'across years', key: 'id', money: ['allYearsAmountFen'] },
  ProjectAllocation: { ...declared(PROJECT_ALLOCATION), gloss: 'a project in one document', key: 'id', provenance: 'line' },
  ProjectListing: { ...declared(PROJECT_LISTING), gloss: 'one place a document lists a project', key: 'id', provenance: 'line' },
  BudgetLine: { ...declared(BUDGET_LINE), gloss: 'one printed line of a classification table', key: 'id', provenance: 'line' },
  Indicator: { ...declared(INDICATOR), gloss: null, key: 'id', provenance: 'line' },
  InvestmentProject: { ...declared(INVESTMENT_PROJECT), gloss: 'with its 国家编码', key: 'id', provenance: 'line' },
  SelfEvaluation: { ...declared(SELF_EVALUATION), gloss: null, key: 'id', provenance: 'line' },
  ThreeCosts: { ...declared(THREE_COSTS), gloss: null, key: 'id', provenance: 'line' },
  Anomaly: { term: '数据异常', gloss: null, key: 'id', money: ['deltaFen'], provenance: 'lines' },
  Figure: { term: null, gloss: 'a printed number no richer record holds', key: 'id', money: ['amountFen'], provenance: 'line' },
  TableTotal: { term: '合计', gloss: 'a total row', key: 'id', money: ['totalFen', 'basicFen', 'projectFen'], provenance: 'line' },
  ProseAmount: { term: null, gloss: 'an amount stated in prose', key: 'id', money: ['amountFen', 'changeFen'], provenance: 'line' },
  Payment: { term: '项目支出明细', gloss: 'a payment row of a project', key: 'id', money: ['amountFen'], provenance: 'line' },
  FunctionCode: code('FUNCTION'),
  EconomicCode: code('ECONOMIC'),
  ProcurementItem: code('PROCUREMENT'),
} as const satisfies Record<string, NodeKindDecl>;

export type NodeKind = keyof typeof NODE_KINDS_DECL;
export const NODE_KINDS = keysOf(NODE_KINDS_DECL);

/** Nodes the API never shows as such (read through their owner). */
export const INTERNAL_NODE_KINDS = {
  DocumentText: { term: null, gloss: "a document's printed text, line by line", key: 'documentId' },
  Code: { term: '科目', gloss: 'the label every classification code carries', key: 'key' },
  GraphState: { term: null, gloss: 'one node counting writes begun and done, for one-state reads (src/db/consistency.ts)', key: 'id' },
} as const satisfies Record<string, NodeKindDecl>;

/** "Project // 项目: across years." — the kind's one-line meaning (NodeKind enum values). */
export function nodeKindMeaning(kind: NodeKind): string {
  const d: NodeKindDecl = NODE_KINDS_DECL[kind];
  if (d.codeLabel) return `${kind} // ${d.term}.`;
  return `${kind}${d.term ? ` // ${d.term}` : ''}${d.gloss ? `: ${d.gloss}` : ''}.`;
}

export const NODE_KIND_TERMS = tableOf(NODE_KINDS, nodeKindMeaning);

export function isCodeKind(kind: string): kind is CodeLabel {
  if (!isKeyOf(NODE_KINDS_DECL, kind)) return false;
  const d: NodeKindDecl = NODE_KINDS_DECL[kind];
  return d.codeLabel === true;
}

/**
 * Every relationship type, with the kinds it joins and what it says. Facts reach their document
 * by IN_DOCUMENT; inferred links (BOOKED_UNDER other than DIRECT, REPORTS_ON, SAME_AS, RESTATES,
 * CONCERNS) carry their rule or evidence. docs/graph-model.md's diagram and every relationship
 * the load statements write are checked against this table (tests/unit/model.test.ts).
 */
export const RELATIONSHIPS = {
  PUBLISHED: { from: ['Department'], to: ['Document'], meaning: 'The department published the document.' },
  HAS_UNIT: { from: ['Department'], to: ['BudgetUnit'], meaning: 'A unit of the department.' },
  RUNS: { from: ['Department'], to: ['Project'], meaning: 'The department runs the project (its id starts with the department’s).' },
  APPEARS_IN: { from: ['BudgetUnit'], to: ['Document'], meaning: 'The unit is printed in the document.' },
  IN_DOCUMENT: {
    from: ['BudgetLine', 'ProjectAllocation', 'Indicator', 'InvestmentProject', 'SelfEvaluation', 'ThreeCosts', 'TableTotal', 'Figure', 'ProseAmount', 'Payment', 'Anomaly'],
    to: ['Document'],
    meaning: 'The document the fact was read from.',
  },
  OF_CODE: { from: ['BudgetLine'], to: ['Code'], meaning: 'The code the line prints.' },
  FOR_UNIT: { from: ['BudgetLine', 'ProjectAllocation', 'InvestmentProject', 'TableTotal'], to: ['BudgetUnit'], meaning: 'The unit the money belongs to.' },
  PARENT: { from: ['Code'], to: ['Code'], meaning: '项 → 款 → 类.' },
  ALLOCATES: { from: ['ProjectAllocation'], to: ['Project'], meaning: 'One year’s money of the project.' },
  BOOKED_UNDER: { from: ['ProjectAllocation', 'InvestmentProject'], to: ['Code'], meaning: 'The money is booked under the code, by a LinkMethod with its evidence.' },
  LISTS: { from: ['ProjectListing'], to: ['ProjectAllocation'], meaning: 'One place the document lists the allocation’s project.' },
  MEASURES: { from: ['Indicator'], to: ['ProjectAllocation', 'InvestmentProject'], meaning: 'The indicator measures it.' },
  EVALUATES: { from: ['SelfEvaluation'], to: ['ProjectAllocation'], meaning: 'The self-evaluation of the allocation’s money.' },
  REPORTS_ON: { from: ['InvestmentProject'], to: ['ProjectAllocation'], meaning: 'The investment project reports on the allocation (rule, score, evidence).' },
  SAME_AS: { from: ['Project'], to: ['Project'], meaning: 'Probably the same project (rule, score, note); never merged.' },
  PAYS_FOR: { from: ['Payment'], to: ['ProjectAllocation'], meaning: 'A payment row of the allocation’s project.' },
  RESTATES: { from: ['ProseAmount'], to: ['BudgetLine', 'TableTotal', 'Figure', 'ThreeCosts', 'ProjectAllocation'], meaning: 'The prose states the same amount as the fact (rule).' },
  CONCERNS: {
    from: ['Anomaly'],
    to: ['BudgetLine', 'ProjectAllocation', 'ThreeCosts', 'SelfEvaluation', 'InvestmentProject', 'TableTotal', 'Figure', 'ProseAmount', 'Payment'],
    meaning: 'A fact printed on a line the anomaly cites.',
  },
  TEXT_OF: { from: ['DocumentText'], to: ['Document'], meaning: 'The document’s printed text.' },
} as const satisfies Record<string, { from: readonly string[]; to: readonly string[]; meaning: string }>;
