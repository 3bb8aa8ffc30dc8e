// What a document is, declared once: the document families the parser recognises and whether a
// figure is planned or spent. The DocumentKind and Basis enums serve these tables.

/** DocumentKind // 文件类型: what a document contains (one document may hold several). */
export const DOCUMENT_KINDS = {
  BUDGET: '部门预算: the year’s plan.',
  UNIT_BUDGET: '单位预算: one budget unit’s own plan for the year, part of its department’s 部门预算 (published beside it).',
  FINAL_ACCOUNTS: '部门决算: what was received and spent.',
  PERFORMANCE_TARGETS: '绩效目标: the targets set for projects.',
  SELF_EVALUATION: '绩效自评: projects’ self-evaluations against their targets.',
  INVESTMENT_PROJECTS: '政府投资项目: investment-project forms keyed by 国家编码.',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** Basis // 口径: planned (预算) or spent (决算). */
export const BASES = {
  BUDGET: '预算: planned.',
  ACTUAL: '决算: received or spent.',
} as const;
export type Basis = keyof typeof BASES;

/**
 * A column of a 决算 table that prints the year's budget beside the actual (年初预算数 / 调整预算数
 * / 预算数): the read side serves it as the line's budget.
 */
export const BUDGET_COLUMN_OF_ACTUALS = /预算/;

/** PublisherEvidence // 发布者依据: where a document's department name was read, most trusted first. */
export const PUBLISHER_EVIDENCE = {
  LINE: 'A line that names it: 预算主管部门：… / 编制部门：… / 部门名称：….',
  TITLE: 'The title, joined over the lines it is printed on.',
  UNIT: 'No department is printed: a 单位预算 naming only its 预算单位, whose name is taken.',
  COVER: 'The cover’s first line: the least trusted.',
} as const;
export type PublisherEvidence = keyof typeof PUBLISHER_EVIDENCE;
