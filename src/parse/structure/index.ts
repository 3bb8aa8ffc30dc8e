// The structure stage's reading of one table // 表结构: its header rows and header paths, each
// column's role by meaning (structure/roles.ts, from the paths and the glossary's
// COLUMN_ROLE_LABELS), each row's role, its family, and the layouts the family readers read by
// (a 科目 table's codes, …). Built once per table by the pipeline's `structure` stage; readers ask
// it for the roles they need and look no header label up themselves.
import { familyOfTitle, type TableFamily } from '../families.js';
import type { Row, Table } from '../layout.js';
import type { MoneyUnit } from '../amount.js';
import { COLUMN_ROLE_LABELS, ROW_LABELS, TASK_FORM, TITLE_WORDS, headerText } from '../glossary/index.js';
import { threeCostsTable, type ThreeCostsTable } from './three-costs-table.js';
import { investmentForm, projectForm, type InvestmentForm, type ProjectForm } from './form-fields.js';
import { indicatorColumns, listingColumns, paymentColumns, type IndicatorColumns, type ListingColumns, type PaymentColumns } from './listings.js';
import { codedTable, type CodedTable } from './coded-table.js';
import { headerCells, headerPaths, headerRows, printsFigure, type HeaderCell } from './header.js';
import { COLUMN_ROLES, type ColumnRole, type ColumnsByRole, type RowRole } from './roles.js';
import { entriesOf, keysOf } from '../../keys.js';

export { COLUMN_ROLES, ROW_ROLES, type ColumnRole, type ColumnsByRole, type RoleColumn, type RowRole } from './roles.js';
export type { CodedTable, CodedRow, CodeBlock } from './coded-table.js';
export type { HeaderCell } from './header.js';
export type { ThreeCostsTable, ThreeCostsRole } from './three-costs-table.js';
export type { FormField, InvestmentFieldRole, InvestmentForm, ProjectForm } from './form-fields.js';
export type { IndicatorColumns, ListingColumn, ListingColumns, PaymentColumns } from './listings.js';

export interface TableStructure {
  family: TableFamily;
  /**
   * The lines of the header rows, each column's header path ("项目/功能分类科目编码/类") and the
   * printed header cells with the columns and rows each spans.
   */
  header: { lines: number[]; paths: string[]; cells: HeaderCell[] };
  /** Each role the header names, at its column. */
  columns: ColumnsByRole;
  /** Each row's role, by line. */
  rows: { line: number; role: RowRole }[];
  /** A table printing 科目 codes: its codes (parts joined), rows and the columns the classification reader reads. */
  coded: CodedTable | null;
  /** A "三公"经费 table (its title says 三公): where each of its figures is printed. */
  threeCosts: ThreeCostsTable | null;
  /** A listing's header (projects, 重点项目, a target form's tasks): each role's header row and column. */
  listing: ListingColumns;
  /** A 项目支出明细表 (its title says so): the amount, item and serial columns. */
  payment: PaymentColumns | null;
  /** An indicator form's header (一级指标 …), where the table prints one. */
  indicators: IndicatorColumns | null;
  /** A 政府投资项目 form (a cell labelled 国家编码 / 项目代码): its fields by role. */
  investment: InvestmentForm | null;
  /** A project form (a row opening with 项目名称): its name, money, unit and goal rows. */
  projectForm: ProjectForm | null;
  /** A row prints 年度主要任务: the table is a department's targets form (整体支出绩效目标), whatever its title. */
  mainTasks: boolean;
}

const ROLE_ORDER = keysOf(COLUMN_ROLE_LABELS);

const roleOfLabel = (label: string): ColumnRole | null => (label === '' ? null : (ROLE_ORDER.find((role) => COLUMN_ROLE_LABELS[role].test(label)) ?? null));

/**
 * The role a header path names: its last part against the glossary's labels, in their order. A
 * 小计 / 合计 under a spanning label is that label's total (公务用车购置及运行费/小计 is VEHICLES); a
 * 小计 under nothing that names a role is a TOTAL.
 */
export function roleOfPath(path: string): ColumnRole | null {
  const parts = path.split('/').map(headerText);
  const last = parts.pop() ?? '';
  if (ROW_LABELS.subtotal.test(last) || ROW_LABELS.total.test(last)) {
    const parent = parts.map(roleOfLabel).reverse().find((r) => r !== null && r !== 'TOTAL');
    if (parent) return parent;
    return 'TOTAL';
  }
  return roleOfLabel(last);
}

/** Each role at the leftmost column whose path names it. */
export function rolesOfPaths(paths: string[]): ColumnsByRole {
  const out: ColumnsByRole = {};
  paths.forEach((path, index) => {
    const role = roleOfPath(path);
    if (role && !out[role]) out[role] = { index, path };
  });
  return out;
}

/** A row's role from its first printed cell, for a table read by header paths only. */
function rowRoleOf(row: Row): RowRole {
  const label = headerText(row.cells.find((c) => c.trim() !== '') ?? '');
  if (!printsFigure(row)) return 'OTHER';
  if (ROW_LABELS.totalSpaced.test(label) || ROW_LABELS.grandTotalWord.test(label)) return 'TOTAL';
  if (ROW_LABELS.subtotal.test(label)) return 'SUBTOTAL';
  if (ROW_LABELS.numberedClass.test(label)) return 'SECTION';
  return 'DATA';
}

/**
 * The table's structure, read once. `unit`: the unit its amounts are read in (src/parse/units.ts),
 * which says whether a cell is an amount (a number finer than 0.01 元 is none).
 */
export function structureOf(table: Table, unit: MoneyUnit = '万元'): TableStructure {
  const family = familyOfTitle(table.title);
  const coded = codedTable(table);
  const threeCosts = TITLE_WORDS.threeCosts.test(table.title) ? threeCostsTable(table, unit) : null;
  const forms = { listing: listingColumns(table), payment: family === 'PAYMENT_DETAIL' ? paymentColumns(table) : null, indicators: indicatorColumns(table), investment: investmentForm(table), projectForm: projectForm(table), mainTasks: table.rows.some((r) => TASK_FORM.mainTasks.matches.test(r.text)) };
  if (coded) {
    const header = table.rows.slice(0, Math.max(0, coded.firstData));
    const columns: ColumnsByRole = { ...rolesOfPaths(coded.paths), ...coded.columns };
    const headerRoles = header.map((r) => ({ line: r.line, role: 'HEADER' as const }));
    return { family, header: { lines: header.map((r) => r.line), paths: coded.paths, cells: headerCells(header) }, columns, rows: [...headerRoles, ...coded.rows.map((r) => ({ line: r.row.line, role: r.role }))], coded, threeCosts, ...forms };
  }
  // Header rows: those above the first row printing a figure (at most the three nearest it name columns).
  const header = headerRows(table.rows, printsFigure, { noData: 'all' }).rows;
  const paths = headerPaths(header.slice(-3));
  return {
    family,
    header: { lines: header.map((r) => r.line), paths, cells: headerCells(header.slice(-3)) },
    columns: rolesOfPaths(paths),
    rows: table.rows.map((r, i) => ({ line: r.line, role: i < header.length ? 'HEADER' : rowRoleOf(r) })),
    coded: null,
    threeCosts,
    ...forms,
  };
}

/** What --stage=structure shows of a table's structure: each role with its 中文 label, its column and header path; each row's role. */
export function showStructure(s: TableStructure): unknown {
  return {
    header: s.header,
    columns: Object.fromEntries(entriesOf(s.columns).flatMap(([role, c]) => (c ? [[role, c] as const] : [])).sort(([, a], [, b]) => a.index - b.index).map(([role, c]) => [role, { label: COLUMN_ROLES[role], ...c }])),
    rows: s.rows,
    ...(s.coded ? { codeCells: Math.max(1, s.coded.parts), codes: s.coded.rows.flatMap((r) => (r.blocks ?? []).map((b) => ({ line: r.row.line, code: b.code, ...(b.classCarried ? { classCarried: b.classCarried } : {}) }))) } : {}),
    ...(s.threeCosts && (s.threeCosts.order.length || s.threeCosts.pairs) ? { threeCosts: s.threeCosts.pairs ? { pairs: Object.fromEntries([...s.threeCosts.pairs.columns].map(([col, role]) => [role, col])) } : { order: s.threeCosts.order, grid: s.threeCosts.grid ? Object.fromEntries(s.threeCosts.grid.columns) : null } } : {}),
  };
}
