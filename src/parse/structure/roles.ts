// The roles a table's columns and rows play // 列角色 / 行角色, by meaning: what the structure stage
// (structure/index.ts) finds from the header paths and the glossary, and what readers ask for by
// name instead of looking a header label up themselves.

/** A column's role, with the 中文 label a document prints for it (the commonest form). */
export const COLUMN_ROLES = {
  /** 科目编码 printed in one cell. */
  CODE: '科目编码',
  /** 类: the first part of a code printed in cells 类 | 款 | 项. */
  CODE_CLASS: '类',
  /** 款: the second part. */
  CODE_SECTION: '款',
  /** 项: the third part. */
  CODE_ITEM: '项',
  /** 科目名称 / 项目: what names the row. */
  NAME: '科目名称',
  /** 合计 / 支出合计 / 总计: the row's total. */
  TOTAL: '合计',
  BASIC: '基本支出',
  PERSONNEL: '人员经费',
  PUBLIC: '公用经费',
  PROJECT: '项目支出',
  BUDGET: '预算数',
  ACTUAL: '决算数',
  YEAR_START: '年初预算',
  ADJUSTED: '调整预算',
  /** 行次 / 栏次: the row or column numbering, no figure. */
  LINE_NO: '行次',
  /** 三公 columns: 因公出国（境）费, 公务接待费, 公务用车购置及运行费 and its 购置费 / 运行费. */
  ABROAD: '因公出国（境）费',
  RECEPTION: '公务接待费',
  VEHICLES: '公务用车购置及运行费',
  VEHICLE_PURCHASE: '公务用车购置费',
  VEHICLE_RUNNING: '公务用车运行费',
  /** Listings: 项目名称, its amount, 绩效目标, 申报依据. */
  PROJECT_NAME: '项目名称',
  AMOUNT: '金额',
  GOAL: '绩效目标',
  JUSTIFICATION: '项目申报依据',
  /** A target form's 任务名称. */
  TASK_NAME: '任务名称',
  /** A payment list: 序号 | 支出事项 | 支出金额. */
  SERIAL: '序号',
  ITEM: '支出事项',
  /** An indicator form: 一级指标, the target (指标值), what was achieved (完成值), the reason (未完成原因). */
  INDICATOR_LEVEL1: '一级指标',
  TARGET: '指标值',
  ACHIEVED: '全年完成值',
  REASON: '未完成原因分析',
} as const;
export type ColumnRole = keyof typeof COLUMN_ROLES;

/** A row's role. */
export const ROW_ROLES = {
  /** A header row (or one a page break repeated). */
  HEADER: '表头',
  /** 合计 / 总计: the table's (or a section's) total. */
  TOTAL: '合计',
  /** 小计. */
  SUBTOTAL: '小计',
  /** A row heading the rows after it (a 预算单位's row, a 类 of a summary). */
  SECTION: '分组',
  /** A row of the table's items. */
  DATA: '数据',
  /** Anything else (a wrapped tail, a note printed in cells). */
  OTHER: '其他',
} as const;
export type RowRole = keyof typeof ROW_ROLES;

/** A column a role is read from: its index and header path. */
export interface RoleColumn {
  index: number;
  path: string;
}

/** The columns of a table by role (a role the table does not print is absent). */
export type ColumnsByRole<R extends ColumnRole = ColumnRole> = Partial<Record<R, RoleColumn>>;
