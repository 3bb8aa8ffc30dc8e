// Figure // 表内数字: every number a table prints that no family parser turned into a richer
// record — a 收支总表's items, a 合计 row's other columns, a scoring table's points, a payment
// list. Each keeps its row label (项目), its column (the header path above it), the side of a
// side-by-side table (收入 / 支出) and what it measures, so no printed cell is lost.
import { parseAmountIn, toHalfWidth, type MoneyUnit } from './amount.js';
import { familyOfTitle, standardTableOf } from './families.js';
import { takeHeld, valueKey, type HeldIndex } from './held.js';
import type { Row, Table } from './layout.js';
import { group } from './matches.js';
import type { Figure, FigureMeasure, Source } from './records.js';
import { FIGURE_COLUMNS, SENTENCE_STOP, TABLE_SIDES } from './glossary/index.js';
import { headerPaths, isFigureCell, printsFigure } from './structure/header.js';

const squeeze = (c: string) => toHalfWidth(c).replace(/\s+/g, '');

// A figure cell and a header's paths are the structure stage's (structure/header.ts).
export { isFigureCell, headerPaths as headerLabels } from './structure/header.js';

const LABEL_COLUMN = FIGURE_COLUMNS.rowNumber;
const CODE_PART_COLUMN = FIGURE_COLUMNS.codePart;
const CLASSIFICATION_CODE = /^(?:[23]\d{2}(?:\d{2}){0,2})$/;

/** A numeric cell that names its row instead of measuring it: a code before its name, a 序号. */
function isLabelCell(cells: string[], i: number, column: string): boolean {
  // A cell beyond the row's end is blank (as cells[k] ?? '' reads it below).
  const text = squeeze(cells[i] ?? '');
  if (LABEL_COLUMN.test(column) && /^\d+$/.test(text)) return true;
  // A part of a code printed in cells 类 | 款 | 项 (201 | 03 | 01).
  if (CODE_PART_COLUMN.test(column) && /^\d{2,3}$/.test(text)) return true;
  // …and where the 类 | 款 | 项 labels share the 合计 row instead of the header (a 决算's 收入决算表):
  // a two-digit cell just after its 类 (201 | 06 | 01) is a part of the code, never 6 万元.
  if (/^\d{2}$/.test(text)) {
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
      const before = squeeze(cells[k] ?? '');
      if (/^[23]\d{2}$/.test(before)) return true;
      if (!/^\d{2}$|^$/.test(before)) break;
    }
  }
  if (!CLASSIFICATION_CODE.test(text)) return false;
  // A code before its name, its 款 / 项 parts (or their blank cells) between: 201 | 06 | 01 | 行政运行, 201 | | | 一般公共服务支出.
  for (let k = i + 1; k < Math.min(cells.length, i + 4); k++) {
    const cell = cells[k] ?? '';
    const next = squeeze(cell);
    if (k > i + 1 && next === '') continue;
    if (/^\d{2}$/.test(next) || (next === '' && k === i + 1 && /^\d{3}$/.test(text))) continue;
    return next !== '' && !isFigureCell(cell);
  }
  return false;
}

export function measureOf(column: string, cell: string): FigureMeasure {
  const label = squeeze(column);
  if (/%$/.test(squeeze(cell)) || FIGURE_COLUMNS.rate.test(label)) return 'RATE';
  if (FIGURE_COLUMNS.score.test(label)) return 'SCORE';
  if (FIGURE_COLUMNS.count.test(label)) return 'COUNT';
  return 'MONEY';
}

const TEXT_COLUMN = FIGURE_COLUMNS.text;

const isHeaderLike = (row: Row) => !printsFigure(row);

/**
 * The side of a side-by-side table a column belongs to, from its header path. `standard`: a summary
 * of a standard set, whose sides may be headed 本年收入 | 本年支出 or 财政拨款收入 | 财政拨款支出
 * (Shanghai's 财务收支预算总表 / 财政拨款收支预算总表).
 */
function sideOf(column: string, standard = false): string | null {
  const m = (standard ? TABLE_SIDES.standard : TABLE_SIDES.any).exec(column.replace(/\s/g, ''));
  if (!m) return null;
  return group(m, 1).startsWith('收') ? '收入' : '支出';
}

/** A printed number of a table with the row it is on and the header path of its column. */
export interface FigureCell {
  row: Row;
  index: number;
  cell: string;
  column: string;
  /** Header paths of the row's columns. */
  columns: string[];
}

/**
 * Every number a table prints as a fact: not header text, not column numbering (栏次), not a code
 * or 序号 naming its row. Header rows are the text rows just above a block of figure rows (forms
 * have several blocks, each under its own).
 */
export function figureCells(table: Table): FigureCell[] {
  const out: FigureCell[] = [];
  let pending: Row[] = [];
  let columns: string[] = [];
  // Columns the data rows so far print their row names in (项目 of each side). Only in the
  // standard sets' tables, whose header is printed once above its rows (a form's later header rows
  // name their own block).
  const labelColumns = new Set<number>();
  const oneHeader = standardTableOf(table.title) !== null;
  for (const row of table.rows) {
    if (isHeaderLike(row)) {
      // A row naming items only in the name columns, its amounts blank (收入支出决算总表: 二、政府性基金预算财政拨款收入 | | 二、外交支出 |),
      // is a data row printing nothing, not a header over the rows after it.
      const filled = row.cells.flatMap((c, i) => (c.trim() !== '' ? [i] : []));
      if (oneHeader && columns.length && pending.length === 0 && filled.length > 0 && filled.every((i) => labelColumns.has(i))) continue;
      pending.push(row);
      continue;
    }
    if (pending.length) {
      columns = headerPaths(pending.slice(-3));
      pending = [];
    }
    const first = squeeze(row.cells.find((c) => c.trim() !== '') ?? '');
    if (FIGURE_COLUMNS.rowNumbering.test(first)) continue;
    row.cells.forEach((cell, index) => {
      const figure = isFigureCell(cell);
      if (!figure && cell.trim() !== '') labelColumns.add(index);
      if (!figure) return;
      const column = columns[index] ?? '';
      if (!isLabelCell(row.cells, index, column)) out.push({ row, index, cell, column, columns });
    });
  }
  return out;
}

/** The figures of one table that the records in `held` do not already hold. */
export function residualFigures(table: Table, file: string, unit: MoneyUnit, basis: 'BUDGET' | 'ACTUAL', held: HeldIndex): Figure[] {
  const family = familyOfTitle(table.title);
  // Only the side-by-side summaries (财务收支预算总表, 财政拨款收支预算总表): elsewhere 本年收入 | 本年支出 are columns of one row.
  const standard = standardTableOf(table.title) !== null && (family === 'INCOME_EXPENDITURE_SUMMARY' || family === 'FISCAL_GRANT_SUMMARY');
  const out: Figure[] = [];
  // What a figure's label depends on is read once per row, so a row of n cells costs O(n), not O(n²).
  let labels: RowLabels | null = null;
  for (const { row, index, cell, column, columns } of figureCells(table)) {
    if (takeHeld(held, row.line, valueKey(cell, unit))) continue;
    if (labels === null || labels.row !== row || labels.columns !== columns) labels = new RowLabels(row, columns, standard);
    const measure = measureOf(column, cell);
    const amount = measure === 'MONEY' ? parseAmountIn(squeeze(cell), unit) : null;
    const source: Source = { file, table: table.title, line: row.line, text: row.text };
    // A row of figures only ("| 100 | 100 | 0"): the header's first column names it (e.g. 年度预算金额).
    const item = table.flattened ? labels.flatItem(index) : labels.labelled ? labels.itemOf(index) : (columns[0] ?? '').split('/').pop() ?? '';
    // A figure says its cells: its value and the cells naming its row (a score's label, a summary
    // row's item on its own side, a form's 年度资金申请总额); a row printing no label is named by its
    // header, on another line, so it read its value only. A run-together table's rows are not its
    // printed lines: its figures say none (their lines keep every cell, none said read).
    const cellsRead = table.flattened ? {} : { cellsRead: labels.labelled ? [...labels.itemCells(index), index] : [index] };
    out.push({ family, side: sideOf(column, standard), item, column, measure, value: squeeze(cell), amount: amount?.fen ?? null, basis, source, ...cellsRead });
  }
  return out;
}

/**
 * A row's cells read once for the labels of its figures: for each cell, the nearest cell at or
 * left of it that can be a label, and where its run of columns of one side (收入 / 支出) starts.
 */
class RowLabels {
  readonly labelled: boolean;
  /** Nearest index ≤ j whose cell can name a row (−1: none). */
  private readonly candidate: Int32Array;
  /** Nearest index ≤ j whose cell is not a figure (run-together tables). */
  private readonly words: Int32Array;
  /** First index of the run of columns with the same side as j. */
  private readonly runStart: Int32Array;
  private readonly sides: (string | null)[];

  constructor(
    readonly row: Row,
    readonly columns: string[],
    standard = false,
  ) {
    const cells = row.cells;
    const n = cells.length;
    this.candidate = new Int32Array(n);
    this.words = new Int32Array(n);
    this.runStart = new Int32Array(n);
    this.sides = cells.map((_, j) => sideOf(columns[j] ?? '', standard));
    let labelled = false;
    // The values at j - 1, carried along (−1: none yet): each entry is the one before it or j.
    let candidate = -1;
    let words = -1;
    let runStart = 0;
    for (let j = 0; j < n; j++) {
      // j < n: the cell is there (read once, checked, so no assertion).
      const cell = cells[j];
      if (cell === undefined) continue;
      const c = cell.trim();
      const figure = isFigureCell(c);
      if (c !== '' && !figure) labelled = true;
      const canName = c !== '' && (!figure || isLabelCell(cells, j, '')) && !(c.length > 40 || SENTENCE_STOP.test(c) || TEXT_COLUMN.test(columns[j] ?? ''));
      if (canName) candidate = j;
      // isFigureCell squeezes out all white space: the cell's answer is its trimmed text's.
      if (!figure) words = j;
      if (!(j > 0 && this.sides[j - 1] === this.sides[j])) runStart = j;
      this.candidate[j] = candidate;
      this.words[j] = words;
      this.runStart[j] = runStart;
    }
    this.labelled = labelled;
  }

  /** In a run-together table the words before a number end with its row's label (header words and wrapped tails come first). */
  flatItem(i: number): string {
    // The nearest words left of i (none for the first cell, or when every cell before is a figure).
    const j = i > 0 ? this.words[i - 1] : undefined;
    const cell = j === undefined || j < 0 ? undefined : this.row.cells[j];
    return cell === undefined ? '' : (cell.trim().split(/\s+/).pop() ?? '');
  }

  /**
   * The row label a figure belongs to: the label cell nearest left of it, with the code printed just
   * before that label (a code and its name). A side-by-side table's 支出 figure never takes its
   * label from the 收入 side; descriptions (指标说明, 评分标准 …) are never a label.
   */
  itemOf(i: number): string {
    return this.itemCells(i).map((j) => (this.row.cells[j] ?? '').trim().replace(/\s+/g, '')).join(' ');
  }

  /** The cells itemOf names a figure's row by: its label cell, after the code printed just before it. */
  itemCells(i: number): number[] {
    if (i === 0) return [];
    const cells = this.row.cells;
    const side = this.sides[i] ?? null;
    // A side's run starts where runStart says (a cell with a side is in the row, so it has one).
    const floor = (side === null ? undefined : this.runStart[i]) ?? 0;
    const j = this.candidate[i - 1];
    const label = j === undefined || j < floor ? undefined : cells[j];
    if (j === undefined || label === undefined) return [];
    // A code printed just before its name joins it (and only such a code: one step further left).
    const k = j - 1;
    const code = k >= floor ? cells[k] : undefined;
    return code !== undefined && CLASSIFICATION_CODE.test(squeeze(code)) && code.trim() !== '' && this.candidate[k] === k ? [k, j] : [j];
  }
}
