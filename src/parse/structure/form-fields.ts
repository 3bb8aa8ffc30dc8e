// The structure of a form that prints each field as a label and its value beside it (or on the
// next line), rather than columns under a header: a 政府投资项目 form (国家编码, 项目总投资, 开工日期
// …). Labels are found by their words, not their position: forms print "2020年实际下达政府投资计划①"
// or "2020年下达政府投资计划". The investment reader reads the fields by role.
import { toHalfWidth } from '../amount.js';
import type { Row, Table } from '../layout.js';
import { INVESTMENT_FORM as FORM, PROJECT_FORM } from '../glossary/index.js';
import { keysOf } from '../../keys.js';

/** A field of a form: the row its label is printed on, and the first printed cell after the label; the cells of both. */
export interface FormField {
  row: Row;
  value: string;
  labelAt: number;
  at: number;
}

const squeezed = (c: string) => toHalfWidth(c).replace(/\s+/g, '');

/** The first row with a cell matching `label` and a printed cell after it: that row and cell. */
function fieldAfter(rows: Row[], label: RegExp): FormField | null {
  for (const r of rows) {
    const i = r.cells.findIndex((c) => label.test(squeezed(c)));
    if (i < 0) continue;
    const at = r.cells.findIndex((c, k) => k > i && c.trim() !== '');
    if (at >= 0) return { row: r, value: (r.cells[at] ?? '').trim(), labelAt: i, at };
  }
  return null;
}

/** The fields of a 政府投资项目 form read as label → value, by role. */
const INVESTMENT_FIELDS = {
  name: FORM.projectName.matches,
  unit: FORM.unit.matches,
  totalInvestment: FORM.totalInvestment.matches,
  targetAtYearStart: FORM.targetAtYearStart.matches,
  plannedInYear: FORM.plannedInYear.matches,
  planExecutionRate: FORM.planExecutionRate.matches,
  cumulativeCompleted: FORM.cumulativeCompleted.matches,
  completionRate: FORM.completionRate.matches,
  imageProgress: FORM.imageProgress.matches,
  progress: FORM.progress.matches,
  industry: FORM.industry.matches,
  startDate: FORM.startDate.matches,
  endDate: FORM.endDate.matches,
} as const;
export type InvestmentFieldRole = keyof typeof INVESTMENT_FIELDS;

export interface InvestmentForm {
  /** The row printing the 国家编码 label, and the code printed after it ('' when none is); the cells of the label and of the code (−1: none printed). */
  code: { row: Row; printed: string; labelAt: number; at: number };
  fields: Partial<Record<InvestmentFieldRole, FormField>>;
  /** Rows whose first cell is the label: 本年实际完成投资 (its index: its 资金来源 may be on the next row), 是否开工, 是否竣工. */
  completedInYearAt: number;
  startedRow: Row | null;
  completedRow: Row | null;
  /** The rows printing 项目总体完成率 and 项目总投资… (the sources of the rates and the total). */
  rateRow: Row | null;
  totalRow: Row | null;
}

/** A 政府投资项目 form's fields; null when no cell is labelled 国家编码 / 项目代码 (not such a form). */
export function investmentForm(table: Table): InvestmentForm | null {
  const rows = table.rows;
  const codeRow = rows.find((r) => r.cells.some((c) => FORM.projectCode.matches.test(squeezed(c))));
  if (!codeRow) return null;
  const codeIdx = codeRow.cells.findIndex((c) => FORM.projectCode.matches.test(squeezed(c)));
  const codeAt = codeRow.cells.findIndex((c, i) => i > codeIdx && c.trim() !== '');
  const fields: InvestmentForm['fields'] = {};
  for (const role of keysOf(INVESTMENT_FIELDS)) {
    const field = fieldAfter(rows, INVESTMENT_FIELDS[role]);
    if (field) fields[role] = field;
  }
  const firstCell = (label: RegExp) => rows.find((x) => label.test(squeezed(x.cells[0] ?? ''))) ?? null;
  return {
    code: { row: codeRow, printed: codeAt >= 0 ? (codeRow.cells[codeAt] ?? '') : '', labelAt: codeIdx, at: codeAt },
    fields,
    completedInYearAt: rows.findIndex((r) => FORM.completedInYear.matches.test(squeezed(r.cells[0] ?? ''))),
    startedRow: firstCell(FORM.started.matches),
    completedRow: firstCell(FORM.completed.matches),
    rateRow: rows.find((r) => r.cells.some((c) => FORM.completionRate.matches.test(squeezed(c)))) ?? null,
    totalRow: rows.find((r) => FORM.totalInvestmentLine.matches.test(squeezed(r.text))) ?? null,
  };
}

/**
 * A project form's rows (项目支出绩效目标申报表 / 项目支出绩效自评表): the 项目名称 row (its first cell
 * the label), the 资金总额 row, the row naming the 实施单位 / 项目单位, the 年初设定目标 header over the
 * goal texts, and the 项目起止时间 value.
 */
export interface ProjectForm {
  nameRow: Row;
  moneyRow: Row | null;
  unitRow: Row | null;
  /** The index of the row naming 年初设定目标 | 全年实际完成情况 (the texts are on the row after it); −1: none. */
  goalHeaderAt: number;
  /** The printed cell after 项目起止时间. */
  period: string | null;
}

/** A project form's rows; null when no row opens with 项目名称 (not such a form). */
export function projectForm(table: Table): ProjectForm | null {
  const rows = table.rows;
  const cellText = (c: string | undefined) => (c ?? '').replace(/\s+/g, '');
  const nameRow = rows.find((r) => PROJECT_FORM.nameRow.matches.test(cellText(r.cells[0])));
  if (!nameRow) return null;
  const period = rows.flatMap((r) => r.cells.map((c, i) => (PROJECT_FORM.period.matches.test(cellText(c)) ? r.cells.slice(i + 1).find((x) => x.trim() !== '')?.trim() : undefined))).find((x) => x !== undefined);
  return {
    nameRow,
    moneyRow: rows.find((r) => PROJECT_FORM.moneyRow.matches.test(r.text)) ?? null,
    unitRow: rows.find((r) => PROJECT_FORM.unitLabel.matches.test(cellText(r.cells[2] ?? '')) || PROJECT_FORM.projectUnit.matches.test(cellText(r.cells[0]))) ?? null,
    goalHeaderAt: rows.findIndex((r) => r.cells.some((c) => PROJECT_FORM.goalHeader.matches.test(cellText(c)))),
    period: period ?? null,
  };
}
