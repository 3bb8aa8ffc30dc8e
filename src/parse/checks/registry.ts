// The registry of checks // 检查规则表: every rule run over a parsed document, in one list, each
// declared with its kind, family, severity, what it compares and why. parseDocument runs them
// all once its records are read; a rule's findings are anomalies citing both sides' lines.
import { completionRateAnomalies, formFundsAnomalies, planActualAnomalies, projectAmountAnomalies, projectSumAnomalies, selfEvaluationAnomalies, threeCostsAnomalies, unitMismatchAnomalies, unitProjectsAnomalies } from '../anomalies.js';
import type { Anomaly } from '../records.js';
import { BASIC_ITEM_RULES } from './basic-items.js';
import { COMPLETENESS_RULES } from './completeness.js';
import { FORMAT_RULES } from './format.js';
import { PAGE_RULES } from './pages.js';
import { PROSE_ARITHMETIC_RULES } from './prose-arithmetic.js';
import { PROSE_TABLE_RULES } from './prose-tables.js';
import { TABLE_RULES } from './tables.js';
import type { CheckContext, CheckRule } from './rule.js';
import { WORD_RULES } from './words.js';

export type { CheckContext, CheckRule } from './rule.js';
export { CHECK_FAMILIES } from './rule.js';

/**
 * The checks that read records (parse/anomalies.ts), declared here; the sums of a table's lines
 * (PARENT_SUM_MISMATCH, TOTAL_SUM_MISMATCH) run as each table is read and are listed in
 * TABLE_TIME_RULES below, as is TRUNCATED_CODE from the investment reader.
 */
const RECORD_RULES: CheckRule[] = [
  {
    code: 'THREE_COSTS_PROSE_TABLE',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'each "三公"经费 figure the prose states with the 三公 table’s row of the same year and basis',
    why: 'the 三公 figures are the most quoted of a disclosure; the text must restate the table',
    run: ({ doc }) => threeCostsAnomalies(doc.threeCosts),
  },
  {
    code: 'PROJECT_LISTED_TWICE',
    kind: 'PROJECT_LIST_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'the amounts one project (by name and unit) is listed with in two kinds of source (a table, a form, the prose)',
    why: 'one project with two amounts: at most one is the budget',
    run: ({ doc }) => projectAmountAnomalies(doc.projects),
  },
  {
    code: 'SELF_EVALUATION_PROSE_FORM',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'a self-evaluation summary’s budget and executed amounts with the project’s form',
    why: 'the summary is read instead of the form; it must say what the form says',
    run: ({ doc }) => selfEvaluationAnomalies(doc.selfEvaluations),
  },
  {
    code: 'COMPLETION_RATE',
    kind: 'COMPLETION_RATE_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'an investment project’s printed 项目总体完成率 with 累计完成投资 ÷ 项目总投资 (INFO within one unit of the last printed decimal)',
    why: 'the rate is how progress is judged; one its own amounts do not give is wrong',
    run: ({ doc }) => completionRateAnomalies(doc.investmentProjects),
  },
  {
    code: 'TOTAL_UNIT',
    kind: 'UNIT_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'ERROR',
    compares: 'a table’s total with the amounts the prose states, scaled by powers of ten',
    why: 'a total off by 10,000× is a unit misread or misprinted; every amount of that table is then wrong',
    run: ({ doc }) => unitMismatchAnomalies(doc.totals, doc.proseAmounts, doc.tableUnits),
  },
  {
    code: 'PLAN_ACTUAL',
    kind: 'PLAN_ACTUAL_GAP',
    family: 'ARITHMETIC',
    severity: 'INFO',
    compares: 'an investment form’s 年初设定的目标 and 下达计划 with its 本年实际完成投资',
    why: 'a plan missed is a fact to see, not an error of print',
    run: ({ doc }) => planActualAnomalies(doc.investmentProjects),
  },
  {
    code: 'PROJECT_ITEMS_SUM',
    kind: 'PROJECT_SUM_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a level-1 project with the sum of its level-2 items (INFO when the difference is printed beside it, e.g. 上年结转)',
    why: 'the items of a project are its money; a gap nowhere explained is money unaccounted for',
    run: ({ doc }) => projectSumAnomalies(doc.projects, doc.figures),
  },
  {
    code: 'FORM_FUNDS_SUM',
    kind: 'PARENT_SUM_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a project form’s 资金总额 (and a block beside it: 年度资金申请总额) with the sources printed under it: never less than their sum, and equal to it where the sources end with 其他资金',
    why: 'a part larger than its whole, or sources that do not make up their total, is a wrong figure on the form',
    run: ({ doc }) => formFundsAnomalies(doc.projects, doc.figures),
  },
  {
    code: 'UNIT_PROJECTS_SUM',
    kind: 'UNIT_PROJECTS_SUM_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a project table’s 预算单位 row with the projects (or unit rows) under it (INFO within the declared 尾数误差)',
    why: 'a unit’s row must be what its projects add up to',
    run: ({ doc }) => unitProjectsAnomalies(doc.totals, doc.projects, doc.meta.roundingNote),
  },
];

/** Rules that run while a table is read (their records are not kept for a later pass), listed for the record. */
export const TABLE_TIME_RULES: Omit<CheckRule, 'run'>[] = [
  {
    code: 'LINE_CHILDREN_SUM',
    kind: 'PARENT_SUM_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a 类/款 line with the sum of its children (a blank child adds nothing), and 合计 with 基本支出 + 项目支出, in every amount column; INFO within the rounding the document declares (尾数误差: half a printed unit per row summed)',
    why: 'a table that does not add up has a wrong figure somewhere',
  },
  {
    code: 'TABLE_TOTAL_SUM',
    kind: 'TOTAL_SUM_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a table’s 合计 with the sum of its 类 lines; INFO within the rounding the document declares (尾数误差) or prints (a 合计 printed in whole 元 over lines printed to the 分)',
    why: 'the total is the figure quoted; it must be its lines’ sum',
  },
  {
    code: 'CODE_CUT_SHORT',
    kind: 'TRUNCATED_CODE',
    family: 'COMPLETENESS',
    severity: 'WARNING',
    compares: 'a 国家编码 with the length of the code it must be',
    why: 'a cut code cannot be looked up; it is kept as printed',
  },
];

/** Every rule run over a parsed document, in the order their findings are listed. */
export const CHECK_RULES: readonly CheckRule[] = [...RECORD_RULES, ...TABLE_RULES, ...PROSE_ARITHMETIC_RULES, ...PROSE_TABLE_RULES, ...BASIC_ITEM_RULES, ...WORD_RULES, ...COMPLETENESS_RULES, ...FORMAT_RULES, ...PAGE_RULES];

/** Runs every rule; a rule that throws is a bug, not a finding, and is let through. */
export function runChecks(ctx: CheckContext, rules: readonly CheckRule[] = CHECK_RULES): Anomaly[] {
  return rules.flatMap((rule) => rule.run(ctx));
}
