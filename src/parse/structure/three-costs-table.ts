// The structure of a "三公"经费 table: which column (or which place in the printed order) holds each
// figure — 合计, 因公出国（境）费, 公务接待费, 公务用车购置及运行费 and its 购置费 / 运行费 — its
// data rows, the funds a header prints each figure per, and a 决算's 预算数 | 决算数 pairs. The
// three-costs reader reads the figures by these roles; it looks no header up itself.
import { parseAmount, toHalfWidth, type MoneyUnit } from '../amount.js';
import type { Row, Table } from '../layout.js';
import { THREE_COSTS_COLUMNS, YEAR_CELLS } from '../glossary/index.js';
import type { ColumnRole } from './roles.js';
import { headerRows } from './header.js';

/** The figures of a 三公 table, by role. */
export type ThreeCostsRole = Extract<ColumnRole, 'TOTAL' | 'ABROAD' | 'RECEPTION' | 'VEHICLES' | 'VEHICLE_PURCHASE' | 'VEHICLE_RUNNING'>;

/** A header cell's figure: 合计, 因公出国, 公务接待, 公务用车 (the pair, or its purchase or running part). */
function roleOf(cell: string): ThreeCostsRole | null {
  const c = cell.replace(/\s+/g, '');
  if (THREE_COSTS_COLUMNS.total.test(c)) return 'TOTAL';
  if (THREE_COSTS_COLUMNS.abroad.test(c)) return 'ABROAD';
  if (THREE_COSTS_COLUMNS.reception.test(c)) return 'RECEPTION';
  if (THREE_COSTS_COLUMNS.vehicles.test(c)) return 'VEHICLES';
  if (THREE_COSTS_COLUMNS.vehiclePurchase.test(c)) return 'VEHICLE_PURCHASE';
  if (THREE_COSTS_COLUMNS.vehicleRunning.test(c)) return 'VEHICLE_RUNNING';
  return null;
}

const isVehicle = (r: ThreeCostsRole) => r === 'VEHICLES' || r === 'VEHICLE_PURCHASE' || r === 'VEHICLE_RUNNING';

/** A cell printing a word (a label, a header), not a figure. */
const HAN = /[\u4e00-\u9fa5]/;

/** Where the header's columns are, and whether a row's cells stand in them. */
export interface ThreeCostsGrid {
  columns: Map<ThreeCostsRole, number>;
  /** The widest header row: a row printing as many cells prints each where the header names it. */
  headerWidth: number;
  /**
   * Every header row comes from a ruled grid (the source placed each printed cell, blank ones too):
   * a ruled data row's cells then stand in the header's columns even where its trailing blank cells
   * were not kept.
   */
  ruled: boolean;
  /**
   * The most cells a header row prints, its trailing blank ones too (a text line's tabs, Row.width):
   * a text row printing exactly as many, its last figures blank, stands in the header's columns.
   */
  printedWidth: number;
}

/**
 * Each figure's column, where the header rows print their cells in the data rows' columns (a PDF's
 * ruled grid gives every row one cell per column, blank cells kept; layout drops a row's trailing
 * blank cells): the figure's first cell, 公务用车's 小计 and 购置费 under its span. Null when the
 * header does not line up so. A data row narrower than the widest header row is not read by it.
 */
function gridOf(headerRows: Row[]): ThreeCostsGrid | null {
  if (!headerRows.length) return null;
  const cols = new Map<ThreeCostsRole, number>();
  let subtotal: number | null = null;
  for (const r of headerRows)
    r.cells.forEach((c, i) => {
      const t = c.replace(/\s+/g, '');
      const isSubtotal = THREE_COSTS_COLUMNS.subtotal.test(t);
      if (isSubtotal && subtotal === null) subtotal = i;
      const role = roleOf(c) ?? (isSubtotal ? 'VEHICLES' : THREE_COSTS_COLUMNS.purchasePart.test(t) ? 'VEHICLE_PURCHASE' : null);
      if (role && !cols.has(role)) cols.set(role, i);
    });
  // Aligned only if 小计 sits under the start of 公务用车's span and 购置费 beside it: a text whose
  // second header row starts at the left edge ("小计 购置费 运行费" under the first columns) is not
  // a grid, and is read by order instead, never by misplaced columns.
  const vehicles = cols.get('VEHICLES');
  if (subtotal !== null && subtotal !== vehicles) return null;
  if (cols.has('VEHICLE_PURCHASE') && vehicles !== undefined && cols.get('VEHICLE_PURCHASE') !== vehicles + 1) return null;
  const headerWidth = Math.max(...headerRows.map((r) => r.cells.length));
  return { columns: cols, headerWidth, ruled: headerRows.every((r) => r.spanStart !== undefined), printedWidth: Math.max(...headerRows.map((r) => r.width ?? r.cells.length)) };
}

/**
 * Whether a row's cells stand in the grid's columns: it prints every column, or the source ruled it
 * as it ruled the header, or (a text line) it prints as many cells as the header, its last ones
 * blank — blanks kept where printed, never shifted left. A row printing fewer cells is not placed.
 */
export function alignedWith(grid: ThreeCostsGrid | null, row: Row): grid is ThreeCostsGrid {
  return grid !== null && (grid.headerWidth <= row.cells.length || (grid.ruled && row.spanStart !== undefined) || (row.width !== undefined && row.width === grid.printedWidth));
}

/**
 * A 决算's 三公 table printing each figure's budget and actual side by side (财政拨款“三公”经费支出决算表:
 * 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, each over 预算数 |
 * 决算数): the row of 预算数 / 决算数 pairs gives the columns, the rows above name each pair's
 * figure (the lowest name printed over the pair's first column).
 */
export interface BudgetActualPairs {
  /** The 预算数 column of each figure's pair (its 决算数 the next). */
  columns: Map<number, ThreeCostsRole>;
  /** The rows under the pair row that print an amount. */
  dataRows: Row[];
}

function pairsOf(table: Table, unit: MoneyUnit): BudgetActualPairs | null {
  // The header is the rows above the pair row.
  const { rows: header, firstData: at } = headerRows(table.rows, (r) => {
    const words = r.cells.map((c) => c.replace(/\s+/g, ''));
    const pairs = words.filter((w, i) => i % 2 === 0 && THREE_COSTS_COLUMNS.budget.test(w) && THREE_COSTS_COLUMNS.actual.test(words[i + 1] ?? '')).length;
    return pairs >= 3 && pairs * 2 >= words.filter((w) => w !== '').length;
  });
  const pairRow = table.rows[at];
  if (at < 0 || !pairRow) return null;
  const columns = new Map<number, ThreeCostsRole>();
  // The header rows from the pair row up: the lowest name printed over a pair's first column is its figure's.
  const upward = [...header].reverse();
  for (let col = 0; col + 1 < Math.max(pairRow.cells.length, 2); col += 2) {
    for (const above of upward) {
      const cell = (above.cells[col] ?? '').replace(/\s+/g, '');
      const role = cell === '' ? null : (roleOf(cell) ?? (THREE_COSTS_COLUMNS.subtotal.test(cell) ? 'VEHICLES' : null));
      if (role) {
        columns.set(col, role);
        break;
      }
    }
  }
  if (!columns.has(0) && ![...columns.values()].includes('TOTAL')) return null;
  const dataRows = table.rows.slice(at + 1).filter((row) => row.cells.some((c) => c.trim() !== '' && parseAmount(c, unit) !== null));
  return { columns, dataRows };
}

/** A data row of a 三公 table printed one figure after another. */
export interface ThreeCostsRow {
  row: Row;
  /** The year its label prints ("2024年"), for a table comparing years; null: the document's. */
  year: number | null;
  /** A row of the change between years (增减 / 变化): no year's figures. */
  change: boolean;
  /** It prints fewer than four numbers (the other figures blank): read only where the grid places its cells, never by order. */
  short: boolean;
}

export interface ThreeCostsTable {
  /** Set when the table prints 预算数 | 决算数 pairs: then nothing below is read. */
  pairs: BudgetActualPairs | null;
  /** The figures in the order the header prints them (公务用车 as 小计 | 购置费 | 运行费 where a header names its parts). */
  order: ThreeCostsRole[];
  /** Each figure's column where the header is a grid that places them, and the widest header row. */
  grid: ThreeCostsGrid | null;
  /** Each figure printed once per fund (一般公共预算 | 政府性基金预算 | 国有资本经营预算): their count and names. */
  fundsPerFigure: number;
  funds: string[];
  rows: ThreeCostsRow[];
  /** The data rows print fewer than four numbers each: read only through the grid, never by order. */
  sparse: boolean;
}

/** How a 三公 table is laid out, in the unit its amounts are read in (a number finer than it is no amount). */
export function threeCostsTable(table: Table, unit: MoneyUnit): ThreeCostsTable {
  const pairs = pairsOf(table, unit);
  const empty: ThreeCostsTable = { pairs, order: [], grid: null, fundsPerFigure: 1, funds: [], rows: [], sparse: false };
  if (pairs) return empty;
  const numbers = (r: Row) => r.cells.filter((c) => /\d/.test(c) && parseAmount(c, unit) !== null).length;
  const numbering = (r: Row) => /^1\s+2\s+3/.test(r.cells.filter((c) => c).join(' '));
  // A row printing fewer numbers (合计 and 公务接待费 only, the other figures blank) is a data row
  // all the same where it prints nothing but numbers or is labelled by its year (2020年 | 3.70 | |
  // 3.70 under a full 2019年 row): read only where the header is a grid that places each figure,
  // never by order, and said where it cannot be placed — not taken for a header row and lost.
  const isShort = (r: Row) => numbers(r) >= 1 && numbers(r) < 4 && !numbering(r) && (!r.cells.some((c) => HAN.test(c)) || r.cells.some((c) => YEAR_CELLS.yearLabel.test(c.trim())));
  const dataRows = table.rows.filter((r) => (numbers(r) >= 4 && !numbering(r)) || isShort(r));
  const sparse = dataRows.every(isShort);
  // The header: the rows above the first data row.
  const header = headerRows(table.rows, (r) => dataRows.includes(r), { noData: 'all' }).rows;
  // The first header row that names figures gives their order; 用车 expands into its parts.
  let order: ThreeCostsRole[] = [];
  for (const r of header) {
    const roles = r.cells.map(roleOf).filter((c): c is ThreeCostsRole => c !== null);
    const uniq = roles.filter((c, i) => roles.indexOf(c) === i);
    if (uniq.length >= 3) {
      order = uniq;
      break;
    }
  }
  if (order.length === 0) return empty;
  // The vehicle block is 小计 | 购置费 | 运行(维护)费 wherever a header names its parts.
  const hasParts = header.some((r) => r.cells.some((c) => roleOf(c) === 'VEHICLE_PURCHASE' || THREE_COSTS_COLUMNS.subtotal.test(c.replace(/\s+/g, ''))));
  const firstVehicle = order.findIndex(isVehicle);
  if (firstVehicle >= 0) {
    order = order.filter((c) => !isVehicle(c));
    order.splice(firstVehicle, 0, ...(hasParts ? (['VEHICLES', 'VEHICLE_PURCHASE', 'VEHICLE_RUNNING'] as const) : (['VEHICLES'] as const)));
  }
  // Fund names in header order (一般公共预算 | 政府性基金预算 | 国有资本经营预算), repeated per figure.
  const fundRow = header.find((r) => r.cells.filter((c) => THREE_COSTS_COLUMNS.generalBudgetFund.test(c)).length >= 3);
  const fundsPerFigure = fundRow ? 3 : 1;
  const funds = fundRow ? [...new Set(fundRow.cells.map((c) => c.replace(/\s+/g, '')).filter((c) => c !== ''))].slice(0, fundsPerFigure) : [];
  const rows = dataRows.map((row) => {
    const yearCell = row.cells.find((c) => YEAR_CELLS.yearLabel.test(c.trim()));
    return { row, year: yearCell ? Number(toHalfWidth(yearCell).replace(/\D/g, '')) : null, change: !yearCell && row.cells.some((c) => THREE_COSTS_COLUMNS.change.test(c)), short: isShort(row) };
  });
  return { pairs: null, order, grid: gridOf(header), fundsPerFigure, funds, rows, sparse };
}
