// "三公"经费 (因公出国（境）费, 公务接待费, 公务用车购置及运行维护费) from tables and prose.
import { parseAmount, toHalfWidth, type MoneyUnit } from './amount.js';
import type { ProseLine, Row, Table } from './layout.js';
import type { Diagnostic, ThreeCosts } from './records.js';
import { CURLY_QUOTES, TITLE_WORDS, YEAR_CELLS, threeCostsSentences } from './glossary/index.js';
import { alignedWith, threeCostsTable, type ThreeCostsRole, type ThreeCostsTable } from './structure/three-costs-table.js';
import { group } from './matches.js';
import { THREE_COSTS_FIGURE_NAMES, type ThreeCostsFigure } from '../model/three-costs.js';
import { tableOf } from '../keys.js';

export function isThreeCostsTable(table: Table): boolean {
  return TITLE_WORDS.threeCosts.test(table.title);
}

/**
 * The column role under which structure/three-costs-table.ts finds each of the model's figures
 * (src/model/three-costs.ts declares them): the one place the two vocabularies meet — a figure
 * the model adds fails to compile here until the structure can find its column.
 */
const COLUMN_OF: { readonly [F in ThreeCostsFigure]: ThreeCostsRole } = { total: 'TOTAL', abroad: 'ABROAD', reception: 'RECEPTION', vehicles: 'VEHICLES', vehiclePurchase: 'VEHICLE_PURCHASE', vehicleRunning: 'VEHICLE_RUNNING' };
type Figures = Record<ThreeCostsFigure, bigint | null>;
/** Every figure of the model, each read by `value`. */
const figuresBy = (value: (figure: ThreeCostsFigure) => bigint | null): Figures => tableOf(THREE_COSTS_FIGURE_NAMES, value);

const ascending = (cells: Set<number>): number[] => [...cells].sort((a, b) => a - b);

/** A blank cell is no amount. */
const cellAmount = (cell: string | undefined, unit: MoneyUnit): bigint | null => (cell === undefined || cell.trim() === '' ? null : (parseAmount(cell, unit)?.fen ?? null));

export function threeCostsFromTable(table: Table, file: string, unit: MoneyUnit, docYear: number, docIsActual: boolean, structure: ThreeCostsTable = threeCostsTable(table, unit), diagnostics: Diagnostic[] = []): ThreeCosts[] {
  const source = (row: Row) => ({ file, table: table.title, line: row.line, text: row.text });
  const { pairs } = structure;
  if (pairs) {
    // 预算数 | 决算数 side by side: two records, BUDGET and ACTUAL, per row.
    const out: ThreeCosts[] = [];
    for (const row of pairs.dataRows) {
      for (const [offset, basis] of [[0, 'BUDGET'], [1, 'ACTUAL']] as const) {
        const read = new Set<number>();
        const value = (figure: ThreeCostsFigure): bigint | null => {
          const col = [...pairs.columns.entries()].find(([, r]) => r === COLUMN_OF[figure])?.[0];
          const fen = col === undefined ? null : cellAmount(row.cells[col + offset], unit);
          if (col !== undefined && fen !== null) read.add(col + offset);
          return fen;
        };
        const figures = figuresBy(value);
        out.push({ origin: 'TABLE', year: docYear, basis, ...figures, source: source(row), cellsRead: ascending(read) });
      }
    }
    return out;
  }
  const { order, grid, fundsPerFigure, funds, sparse } = structure;
  if (order.length === 0) return [];
  const out: ThreeCosts[] = [];
  for (const { row, year: printedYear, change, short } of structure.rows) {
    if (change) continue;
    // The number cells in printed order, each with its cell (what a figure read by position read).
    const numbered = row.cells.flatMap((c, at) => {
      const parsed = c.trim() !== '' && !YEAR_CELLS.endsInYear.test(c.trim()) && !/[\u4e00-\u9fa5]/.test(c) ? parseAmount(c, unit) : null;
      return parsed ? [{ fen: parsed.fen, at }] : [];
    });
    const values = numbered.map((v) => v.fen);
    const cellOfValue = numbered.map((v) => v.at);
    const year = printedYear ?? docYear;
    const blocks = values.length >= order.length * fundsPerFigure * 2 && printedYear === null ? 2 : 1;
    // Cells that line up with the header: each figure read in its own column, a blank cell blank —
    // a row that prints its year (年度 | 合计 | …) too: read by position with its blanks dropped,
    // 2020年 | 19.50 | (blank) | 6.00 gave 因公出国 6.00 and 公务接待 the next figure.
    const cols = blocks === 1 && fundsPerFigure === 1 && alignedWith(grid, row) ? grid.columns : null;
    const gridRead = new Set<number>();
    const cellAt = (col: number | undefined) => {
      const fen = col === undefined ? null : cellAmount(row.cells[col], unit);
      if (col !== undefined && fen !== null) gridRead.add(col);
      return fen;
    };
    if (cols && order.every((c) => cols.has(c))) {
      // 合计, 出国, 接待 and 用车 are read wherever the grid places them; 购置费 / 运行费 only where the order names them.
      const at = (figure: ThreeCostsFigure): bigint | null => {
        const role = COLUMN_OF[figure];
        return (role === 'VEHICLE_PURCHASE' || role === 'VEHICLE_RUNNING') && !order.includes(role) ? null : cellAt(cols.get(role));
      };
      const figures = figuresBy(at);
      out.push({ origin: 'TABLE', year, basis: docIsActual ? 'ACTUAL' : 'BUDGET', ...figures, source: source(row), cellsRead: ascending(gridRead) });
      continue;
    }
    if (sparse || short) {
      // Fewer than four numbers, alone or beside full rows, its cells not placed by the header:
      // which figures it prints cannot be told, so none is read — said, with its line.
      diagnostics.push({ level: 'WARNING', code: 'THREE_COSTS_ROW_UNPLACED', message: `${table.title}: the row prints ${values.length} numbers where the header names ${order.length * fundsPerFigure} figures, and its cells do not line up with the header's columns; its figures are not read (check against the page)`, line: row.line, original: row.text });
      continue;
    }
    // Read by position: with fewer numbers than figures and a blank among its cells, which figure
    // is blank cannot be told from the row alone — the figures after it may have moved left. Said.
    const figures = blocks * order.length * fundsPerFigure;
    const blankAmong = row.cells.slice(1).some((c, k, rest) => c.trim() === '' && rest.slice(k + 1).some((d) => d.trim() !== ''));
    if (values.length < figures && blankAmong) {
      diagnostics.push({ level: 'WARNING', code: 'THREE_COSTS_BY_POSITION', message: `${table.title}: the row prints ${values.length} numbers for ${figures} figures and blank cells the header does not place; its figures are read in the printed order and may belong to the columns after a blank (check against the page)`, line: row.line, original: row.text });
    }
    for (let b = 0; b < blocks; b++) {
      // The cells of the values this block takes: every figure of every fund, read by position.
      const read = new Set<number>();
      const pickFund = (figure: ThreeCostsFigure, f: number): bigint | null => {
        const idx = order.indexOf(COLUMN_OF[figure]);
        if (idx < 0) return null;
        const k = b * order.length * fundsPerFigure + idx * fundsPerFigure + f;
        const at = cellOfValue[k];
        if (values[k] !== undefined && at !== undefined) read.add(at);
        return values[k] ?? null;
      };
      // The headline figure of a category is the sum over its funds (all 财政拨款).
      const pick = (figure: ThreeCostsFigure): bigint | null => {
        const parts = Array.from({ length: fundsPerFigure }, (_, f) => pickFund(figure, f));
        return parts[0] === null || parts[0] === undefined ? null : parts.reduce<bigint>((a, v) => a + (v ?? 0n), 0n);
      };
      out.push({
        origin: 'TABLE',
        year,
        basis: blocks === 2 ? (b === 0 ? 'BUDGET' : 'ACTUAL') : docIsActual ? 'ACTUAL' : 'BUDGET',
        ...figuresBy(pick),
        ...(funds.length === fundsPerFigure && fundsPerFigure > 1 ? { byFund: funds.map((fund, k) => ({ fund, ...figuresBy((figure) => pickFund(figure, k)) })) } : {}),
        source: source(row),
        cellsRead: ascending(read),
      });
    }
  }
  return out;
}

/** The 三公 paragraphs: total, then each category's 预算数 (or 决算数). */
export function threeCostsFromProse(prose: ProseLine[], file: string, unit: MoneyUnit, docYear: number, docIsActual: boolean): ThreeCosts[] {
  // One sentence per figure of the model (a figure without one fails to compile here).
  const sentences: Record<ThreeCostsFigure, RegExp> = threeCostsSentences(docIsActual);
  // The first sentence of a figure is its amount.
  const found: Partial<Record<ThreeCostsFigure, { fen: bigint; line: ProseLine }>> = {};
  for (const p of prose) {
    const text = toHalfWidth(p.text).replace(CURLY_QUOTES, '"');
    for (const figure of THREE_COSTS_FIGURE_NAMES) {
      if (found[figure]) continue;
      const m = sentences[figure].exec(text);
      if (!m) continue;
      const amount = parseAmount(group(m, 1), unit);
      if (amount) found[figure] = { fen: amount.fen, line: p };
    }
  }
  const first = found.total ?? found.reception ?? found.abroad ?? found.vehicles;
  if (!first) return [];
  return [
    {
      origin: 'PROSE',
      year: docYear,
      basis: docIsActual ? 'ACTUAL' : 'BUDGET',
      ...figuresBy((figure) => found[figure]?.fen ?? null),
      source: { file, table: '正文', line: first.line.line, text: first.line.text },
    },
  ];
}
