// Every kind of node in the graph, declared once: its Neo4j label, the property that identifies
// it, its Chinese term and what it is. cypher/schema.cypher's constraints, the NodeKind enum,
// the explorer's legend and docs/graph-model.md are checked against this table
// (tests/unit/model.test.ts); node ids ("<Kind>:<key>") are built and parsed from it.
import { CODE_SCHEMES, type CodeLabel } from './codes.js';

export interface NodeKindDecl {
  /** The Chinese term, when the documents have one. */
  term: string | null;
  /** What one node is, in English. */
  gloss: string | null;
  /** The property unique among nodes of the kind (a constraint in cypher/schema.cypher). */
  key: string;
  /** Codes share the label Code, keyed by "<Label>:<code>" (see codes.ts). */
  codeLabel?: true;
}

const code = (label: CodeLabel): NodeKindDecl => {
  const scheme = Object.values(CODE_SCHEMES).find((s) => s.label === label)!;
  return { term: scheme.term, gloss: null, key: 'code', codeLabel: true };
};

/** Served as the NodeKind enum and used by the explorer: every kind a user can meet. */
export const NODE_KINDS_DECL = {
  Department: { term: '部门', gloss: null, key: 'id' },
  Document: { term: '公开文件', gloss: 'one loaded document', key: 'id' },
  BudgetUnit: { term: '预算单位', gloss: null, key: 'id' },
  Project: { term: '项目', gloss: 'across years', key: 'id' },
  ProjectAllocation: { term: '项目年度安排', gloss: 'a project in one document', key: 'id' },
  ProjectListing: { term: null, gloss: 'one place a document lists a project', key: 'id' },
  BudgetLine: { term: '科目行', gloss: 'one printed line of a classification table', key: 'id' },
  Indicator: { term: '绩效指标', gloss: null, key: 'id' },
  InvestmentProject: { term: '政府投资项目', gloss: 'with its 国家编码', key: 'id' },
  SelfEvaluation: { term: '绩效自评', gloss: null, key: 'id' },
  ThreeCosts: { term: '三公经费', gloss: null, key: 'id' },
  Anomaly: { term: '数据异常', gloss: null, key: 'id' },
  Figure: { term: null, gloss: 'a printed number no richer record holds', key: 'id' },
  TableTotal: { term: '合计', gloss: 'a total row', key: 'id' },
  ProseAmount: { term: null, gloss: 'an amount stated in prose', key: 'id' },
  Payment: { term: '项目支出明细', gloss: 'a payment row of a project', key: 'id' },
  FunctionCode: code('FunctionCode'),
  EconomicCode: code('EconomicCode'),
  ProcurementItem: code('ProcurementItem'),
} as const satisfies Record<string, NodeKindDecl>;

export type NodeKind = keyof typeof NODE_KINDS_DECL;
export const NODE_KINDS = Object.keys(NODE_KINDS_DECL) as NodeKind[];

/** Nodes the API never shows as such (read through their owner). */
export const INTERNAL_NODE_KINDS = {
  DocumentText: { term: null, gloss: "a document's printed text, line by line", key: 'documentId' },
  Code: { term: '科目', gloss: 'the label every classification code carries', key: 'key' },
} as const satisfies Record<string, NodeKindDecl>;

/** "Project // 项目: across years." — the kind's one-line meaning (NodeKind enum values). */
export function nodeKindMeaning(kind: NodeKind): string {
  const d: NodeKindDecl = NODE_KINDS_DECL[kind];
  if (d.codeLabel) return `${kind} // ${d.term}.`;
  return `${kind}${d.term ? ` // ${d.term}` : ''}${d.gloss ? `: ${d.gloss}` : ''}.`;
}

export const NODE_KIND_TERMS = Object.fromEntries(NODE_KINDS.map((k) => [k, nodeKindMeaning(k)])) as Record<NodeKind, string>;

export function isCodeKind(kind: string): kind is CodeLabel {
  return kind in NODE_KINDS_DECL && (NODE_KINDS_DECL[kind as NodeKind] as NodeKindDecl).codeLabel === true;
}
