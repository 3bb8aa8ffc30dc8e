// The closed sets of anomalies (contradictions in the sources), declared once with their
// meanings: the parser and loader produce them, the AnomalyKind and Severity enums serve them.

/** AnomalyKind // 异常类型: every kind of contradiction recorded, declared once with its meaning. */
export const ANOMALY_KINDS = {
  PARENT_SUM_MISMATCH: 'A line ≠ Σ its children, 合计 ≠ 基本支出 + 项目支出, or a project form’s 资金总额 ≠ Σ the sources printed under it.',
  TOTAL_SUM_MISMATCH: 'A table’s 合计 ≠ Σ its 类 lines.',
  PROSE_TABLE_MISMATCH: 'The prose states another figure than the table.',
  PROJECT_LIST_MISMATCH: 'One project listed with two amounts.',
  TRUNCATED_CODE: 'A 国家编码 cut short (kept as printed).',
  COMPLETION_RATE_MISMATCH: 'An investment project’s printed 项目总体完成率 ≠ 累计完成投资 ÷ 项目总投资.',
  LINKED_EXCEEDS_LINE: 'More project money is linked to a 项 line (printed codes, names or sums) than the line prints.',
  PROJECT_NAMED_TWICE: 'One project printed under two names in one document (matched by its amounts at the printed precision): one project, two listings.',
  PLAN_ACTUAL_GAP: 'What was planned (年初设定的目标, 下达计划) differs from what was done (完成投资).',
  PROJECT_SUM_MISMATCH: 'A level-1 project ≠ Σ its level-2 items (the difference is named when the document prints it, e.g. 上年结转).',
  UNIT_PROJECTS_SUM_MISMATCH: 'A project table’s 预算单位 row ≠ Σ the projects listed under it, or a row for several units ≠ Σ their rows.',
  UNIT_MISMATCH: 'A table’s total and the prose differ by a power of ten (10×, 10,000× …): one of them is printed, or read, in another unit than it says (单位：元 / 万元); both are named, neither is chosen.',
  PROSE_ARITHMETIC_MISMATCH: 'A change, share or completion rate the prose states ≠ what the amounts it states give (增加 17.62% where 43,269.3 → 3,845.49 is a fall), beyond the rounding of every printed digit.',
  PROSE_COMPARISON_MISMATCH: 'The prose says one amount is 大于 / 小于 / 等于 another (决算数大于预算数) and the amounts it states say otherwise.',
  CODE_NAMED_TWICE: 'One classification code printed with two names in one document (医疗卫生与计划生育支出 in the prose, 卫生健康支出 in the tables).',
  YEAR_MISMATCH: 'A sentence or heading names a year other than the one it must: a 2026 budget compared with 2026, a 2024 决算 headed 2023 or dated 截至 2023年12月31日.',
  TABLES_DISAGREE: 'Two tables print different amounts for one thing (a class’s row of the 收入支出总表 and its 类 line: 326.71 against 326.72).',
  EMPTY_NOTE_MISMATCH: 'A note says its table is empty (本表无数据) and the table prints figures, or names another fund than the table’s (无政府性基金预算… under the 国有资本经营预算 table).',
  MISSING_TABLE: 'A table the document lists (its contents, 目录) is not printed.',
  PLACEHOLDER_TEXT: 'A template placeholder left in the text (上海市普陀区XX局): a field never filled.',
  PUNCTUATION: 'Punctuation doubled (。。) or quotation marks that do not pair: a matter of form, no figure changed.',
  REPEATED_TEXT: 'A run of prose lines printed twice in a row (a page or a cell carried over, the first copy often cut).',
  TEXT_CUT: 'Text printed partly outside the page’s visible area: a line a page’s or a cell’s clip cuts through, so only part of each glyph shows (部分文字未正常显示), with its page and box.',
  BLANK_PAGE: 'A page between printed pages that prints nothing (or only its page number, or only an empty row of table cells): a page left over from typesetting.',
  DOCUMENT_KIND_MISMATCH: 'A sentence names the document another kind than it is (部门预算安排 in a 单位预算): carried over from the other document and not adapted.',
} as const;
export type AnomalyKind = keyof typeof ANOMALY_KINDS;

/** How much an anomaly matters. */
export const SEVERITIES = {
  INFO: 'The figures agree at the precision printed (a rounding difference, one project under two names), or a matter of form (doubled punctuation, repeated text) that changes no figure.',
  WARNING: 'The documents disagree with themselves beyond rounding; read both sides.',
  ERROR: 'An amount is off by a power of ten from the same amount elsewhere in the document: at least one of them is wrong as stored; do not use either before checking the page.',
} as const;
export type Severity = keyof typeof SEVERITIES;
/** A severity's place, least first (as SEVERITIES lists them): what sorting by severity orders by. */
export function severityRank(severity: Severity): number {
  return Object.keys(SEVERITIES).indexOf(severity);
}
