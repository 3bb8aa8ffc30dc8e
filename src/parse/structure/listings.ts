// The structure of the tables that list things one a row under a header: project tables (科目编码 |
// 科目名称 | 项目名称 | 项目金额 | 绩效目标), 重点项目 tables (项目名称 | 预算数 | 绩效目标), a target form's
// task rows (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金), a 项目支出明细表 (序号 | 支出事项 | 支出金额)
// and an indicator form's header (一级指标 … 指标值 | 完成值 | 未完成原因). The readers of those tables
// read these roles; they look no header label up themselves.
import type { MoneyUnit } from '../amount.js';
import type { Row, Table } from '../layout.js';
import { COLUMNS, INDICATOR_FORM, PAYMENT_DETAIL, PROJECT_LISTS, TASK_FORM, UNIT_MARKS, headerText } from '../glossary/index.js';
import { toHalfWidth } from '../amount.js';
import type { ColumnRole } from './roles.js';
import { keysOf } from '../../keys.js';
import { headerCell } from './header.js';

/** Where a listing's header names a role: the header row's index in the table and the column. */
export interface ListingColumn {
  row: number;
  index: number;
}

/** The roles a listing's header may name. */
export type ListingRole = Extract<ColumnRole, 'PROJECT_NAME' | 'CODE' | 'AMOUNT' | 'BUDGET' | 'GOAL' | 'JUSTIFICATION' | 'TASK_NAME'>;

/** Each listing role's label (the glossary's): AMOUNT is a project's amount (项目金额 / 金额 / 预算数 …), BUDGET a 重点项目's 预算数. */
const LISTING_LABELS: Record<ListingRole, RegExp> = {
  PROJECT_NAME: COLUMNS.projectName.matches,
  CODE: COLUMNS.code.matches,
  AMOUNT: COLUMNS.projectAmount.matches,
  BUDGET: COLUMNS.budgetAmount.matches,
  GOAL: COLUMNS.performanceTarget.matches,
  JUSTIFICATION: COLUMNS.justification.matches,
  TASK_NAME: COLUMNS.taskName.matches,
};

const cellText = (c: string | undefined) => (c ?? '').replace(/\s+/g, '');

/** A role's column: the first of the table's first six rows with a cell so labelled, and that cell. */
const headerIndex = (rows: Row[], re: RegExp): ListingColumn | null => headerCell(rows, re, { limit: 6 });

export type ListingColumns = Partial<Record<ListingRole, ListingColumn>> & {
  /** The header (its first three rows) says the projects are 一级项目 (项目名称（一级项目）). */
  firstLevel?: true;
};

export function listingColumns(table: Table): ListingColumns {
  const out: ListingColumns = {};
  for (const role of keysOf(LISTING_LABELS)) {
    const at = headerIndex(table.rows, LISTING_LABELS[role]);
    if (at) out[role] = at;
  }
  if (table.rows.slice(0, 3).some((r) => PROJECT_LISTS.level1.matches.test(r.text))) out.firstLevel = true;
  return out;
}

/**
 * A target form's funding labels: "总额 | 财政拨款 | 其他资金" under 预算金额 names the amount
 * columns; the labels after 总额 name the cells after the amount, in order (a flattened row shifts
 * its cells, so positions in the header row do not line up with positions in the data row).
 */
export function taskFundingLabels(table: Table, taskHeader: ListingColumn): string[] {
  const labelRow = table.rows.slice(taskHeader.row, taskHeader.row + 3).find((r) => r.cells.some((c) => TASK_FORM.totalAmount.matches.test(cellText(c))));
  const labelCells = (labelRow?.cells ?? []).map(cellText);
  return labelCells.slice(labelCells.findIndex((c) => TASK_FORM.totalAmountOrSum.matches.test(c)) + 1).filter((c) => c !== '').map((c) => c.replace(TASK_FORM.ofWhich.matches, ''));
}

/** A 项目支出明细表's header: its row and the columns of the amount, the item and the serial number (−1: not printed). */
export interface PaymentColumns {
  header: Row;
  amount: number;
  item: number;
  serial: number;
  /** The amount column's label as printed, spaces removed. */
  amountLabel: string;
  /** The unit the amount's label names ("支出金额 (元)"), when it names one. */
  unit: MoneyUnit | null;
}

const squeeze = (c: string) => toHalfWidth(c).replace(/\s+/g, '');

export function paymentColumns(table: Table): PaymentColumns | null {
  const header = table.rows.find((r) => r.cells.some((c) => PAYMENT_DETAIL.amount.matches.test(squeeze(c))));
  if (!header) return null;
  const at = (re: RegExp) => header.cells.findIndex((c) => re.test(squeeze(c)));
  // Of several 金额 columns (a contract's amount beside what was paid), the one paid; else the first.
  const amounts = header.cells.flatMap((c, i) => (PAYMENT_DETAIL.amount.matches.test(squeeze(c)) ? [i] : []));
  const amount = amounts.find((i) => PAYMENT_DETAIL.paidAmount.matches.test(squeeze(header.cells[i] ?? ''))) ?? amounts[0] ?? -1;
  const label = header.cells[amount] ?? '';
  const unit = UNIT_MARKS.yuanInBrackets.matches.test(label) ? '元' : UNIT_MARKS.wanInBrackets.matches.test(label) ? '万元' : null;
  return { header, amount, item: at(PAYMENT_DETAIL.item.matches), serial: at(PAYMENT_DETAIL.serial.matches), amountLabel: squeeze(label), unit };
}

/** An indicator form's header: the row naming 一级指标, which value columns it prints, and where the next such header starts. */
export interface IndicatorColumns {
  headerIndex: number;
  /** 全年完成值 / 完成情况: the value achieved. */
  achieved: boolean;
  /** 指标值 / 目标值 …: the target (not a level's column). */
  target: boolean;
  /** 未完成原因 / 改进措施. */
  reason: boolean;
  /** The index of the next row naming 一级指标 (another block's header), or the table's length. */
  end: number;
}

const isIndicatorHeader = (r: Row) => r.cells.some((c) => INDICATOR_FORM.level1Column.matches.test(headerText(c)));

export function indicatorColumns(table: Table): IndicatorColumns | null {
  const headerIdx = table.rows.findIndex(isIndicatorHeader);
  const row = table.rows[headerIdx];
  if (!row) return null;
  const header = row.cells.map(headerText);
  const next = table.rows.findIndex((r, i) => i > headerIdx && isIndicatorHeader(r));
  return {
    headerIndex: headerIdx,
    achieved: header.some((c) => INDICATOR_FORM.actualColumn.matches.test(c)),
    // 政府投资项目 forms print 指标内容描述 | 完成情况 | 改进措施: no target column, the value is what was achieved.
    target: header.some((c) => INDICATOR_FORM.targetColumn.matches.test(c) && !INDICATOR_FORM.levelColumn.matches.test(c)),
    reason: header.some((c) => INDICATOR_FORM.reasonColumn.matches.test(c)),
    end: next < 0 ? table.rows.length : next,
  };
}
