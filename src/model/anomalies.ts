// The closed sets of anomalies (contradictions in the sources), declared once with their
// meanings: the parser and loader produce them, the AnomalyKind and Severity enums serve them.

/** AnomalyKind // 异常类型: every kind of contradiction recorded, declared once with its meaning. */
export const ANOMALY_KINDS = {
  PARENT_SUM_MISMATCH: 'A line ≠ Σ its children, or 合计 ≠ 基本支出 + 项目支出.',
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
} as const;
export type AnomalyKind = keyof typeof ANOMALY_KINDS;

/** How much an anomaly matters. */
export const SEVERITIES = {
  INFO: 'The figures agree at the precision printed (a rounding difference, one project under two names).',
  WARNING: 'The documents disagree with themselves beyond rounding; read both sides.',
  ERROR: 'An amount is off by a power of ten from the same amount elsewhere in the document: at least one of them is wrong as stored; do not use either before checking the page.',
} as const;
export type Severity = keyof typeof SEVERITIES;
/** A severity's place, least first (as SEVERITIES lists them): what sorting by severity orders by. */
export function severityRank(severity: Severity): number {
  return Object.keys(SEVERITIES).indexOf(severity);
}
