// A table's header // 表头: where its header rows end and its data begins, and each column's header
// path ("本年收入/财政拨款/小计") with the printed cells' spans kept. The one place a header is found:
// the structure stage (structure/index.ts, coded-table.ts, three-costs-table.ts, listings.ts), the
// figures' header blocks (figures.ts) and the layout's repeated headers after a page break
// (layout.ts) all take it from here, each naming what a data row of its tables is.
import { toHalfWidth } from '../amount.js';
import type { Row } from '../layout.js';
import { FIGURE_COLUMNS, PRINTED_YEAR } from '../glossary/index.js';

const squeeze = (c: string) => toHalfWidth(c).replace(/\s+/g, '');

/** A cell that prints one number: an amount, a count, points or a percentage (not a date, not a code in a sentence). */
export function isFigureCell(cell: string): boolean {
  const text = squeeze(cell).replace(FIGURE_COLUMNS.cellUnit, '');
  return /\d/.test(text) && /^[-−]?[\d,.]+%?$/.test(text);
}

/** What a data row is, for the tables a caller reads: the header is the rows above the first such row. */
export type DataRowTest = (row: Row) => boolean;

/**
 * A row printing a figure cell (an amount, a count, a percentage): the commonest data row — the
 * structure stage's and the figures' header blocks'. A cell led by a year ("2024年预算数") is never
 * one: its 年 is no figure.
 */
export const printsFigure: DataRowTest = (row) => row.cells.some((c) => isFigureCell(c));

/** A row printing a digit other than a year's ("2024年"): the layout's test, before cells are typed. */
export const printsDigit: DataRowTest = (row) => /\d/.test(row.text.replace(PRINTED_YEAR, ''));

export interface HeaderRows {
  /** The header rows: those above the first data row (at most `limit`). */
  rows: Row[];
  /** Index of the first data row in the table's rows, −1 when no row is one. */
  firstData: number;
}

/**
 * The rows above the first data row. `noData`: what the header is when no row is data — every
 * row (a table of labels only: its header names its columns) or none (a 科目 table whose rows all
 * look like headers reads nothing by its header). `limit`: the most rows a header may take (a
 * header repeated after a page break is only the first few rows).
 */
export function headerRows(rows: readonly Row[], isData: DataRowTest, options: { noData?: 'all' | 'none'; limit?: number } = {}): HeaderRows {
  const firstData = rows.findIndex(isData);
  const end = firstData >= 0 ? firstData : options.noData === 'none' ? 0 : rows.length;
  return { rows: rows.slice(0, Math.min(end, options.limit ?? Infinity)), firstData };
}

/**
 * The first header row (of the first `limit` rows) with a cell the label matches, spaces removed:
 * that row's index and the cell's column. `fromBottom`: the lowest such row instead (a label
 * printed under a spanning one names the column more closely).
 */
export function headerCell(rows: readonly Row[], label: RegExp, options: { limit?: number; fromBottom?: boolean } = {}): { row: number; index: number } | null {
  const within = rows.slice(0, options.limit ?? rows.length);
  const order = within.map((row, r) => ({ row, r }));
  if (options.fromBottom) order.reverse();
  for (const { row, r } of order) {
    const index = row.cells.findIndex((c) => label.test(c.replace(/\s+/g, '')));
    if (index >= 0) return { row: r, index };
  }
  return null;
}

/** A printed header cell: its line and first column, its text, and how many columns and header rows it spans. */
export interface HeaderCell {
  line: number;
  column: number;
  text: string;
  colSpan: number;
  rowSpan: number;
}

/**
 * The printed cells of a block of header rows with their spans, where the source knows them
 * (Row.spanStart across, Row.fromAbove down: a PDF's grid, an HTML table's markup); a row the
 * source gives no spans for prints each non-blank cell as one column and one row. A cell lying in
 * a cell begun above is that cell, not one of its own.
 */
export function headerCells(header: readonly Row[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  header.forEach((row, h) => {
    row.cells.forEach((text, i) => {
      const start = row.spanStart?.[i] ?? i;
      if (start !== i || row.fromAbove?.[i] || text.trim() === '') return;
      const colSpan = row.spanStart ? row.spanStart.filter((s, j) => j >= i && s === i).length : 1;
      let rowSpan = 1;
      while (header[h + rowSpan]?.fromAbove?.[i]?.line === row.line) rowSpan++;
      out.push({ line: row.line, column: i, text, colSpan, rowSpan });
    });
  });
  return out;
}

/**
 * Each column's header path from a block of header rows: each column's cells top to bottom, a
 * merged cell carried right. Where the source knows the printed cells (Row.spanStart, a PDF's grid
 * or an HTML table's colspan), a label covers exactly the columns its cell spans, in any row, and
 * a blank cell of its own labels nothing (a label beside a spanning one is not under it);
 * elsewhere a label of an upper row is carried right over the blank cells after it.
 */
export function headerPaths(header: readonly Row[]): string[] {
  const width = Math.max(0, ...header.map((r) => Math.max(r.cells.length, r.spanStart?.length ?? 0)));
  // Columns a label of an upper row heads down to the header's last row (its cell spans those rows,
  // every cell below it blank): a label carried right along a lower row stops there, since a header
  // cell lies inside the cell above it (a 三公 table's 公务用车购置及运行费 spans 小计 | 购置费 | 运行费, not
  // the column beside it). A label with printed cells below it (a form's 主管部门 above 其中：财政拨款)
  // is no such cell and stops nothing.
  // A row above the header's first prints nothing.
  const own = (r: Row | undefined, i: number) => r !== undefined && squeeze(r.cells[i] ?? '').replace(/^-+$/, '') !== '';
  const spansDown = header.map((_, h) => {
    const out = new Set<number>();
    for (let i = 0; i < width; i++) {
      let top = h - 1;
      while (top >= 0 && !own(header[top], i)) top--;
      if (top >= 0 && header.slice(top + 1).every((r) => !own(r, i))) out.add(i);
    }
    return out;
  });
  const carried = header.map((r, h) => {
    const out: string[] = [];
    const spans = r.spanStart;
    if (spans) {
      for (let i = 0; i < width; i++) {
        const own = squeeze(r.cells[i] ?? '').replace(/^-+$/, '');
        // A spanned column takes its printed cell's label (项目 / 科目编码 over 类 | 款 | 项 too: the
        // code parts below are then known as labels, not figures).
        // The last row labels each column of its own, as without a grid (a form's value row, a date
        // spanning the cells under it, names no column).
        const start = spans[i] ?? i;
        out.push(start < i && h < header.length - 1 ? squeeze(r.cells[start] ?? '').replace(/^-+$/, '') : start < i ? '' : own);
      }
      return out;
    }
    let last = '';
    for (let i = 0; i < width; i++) {
      const raw = squeeze(r.cells[i] ?? '');
      // A "---" cell (a markdown rule) ends whatever label spans from the left.
      if (/^-+$/.test(raw)) last = '';
      const c = raw.replace(/^-+$/, '');
      // Only the upper rows span columns (收入 | | 支出 |); the last row labels each column. A label
      // of the row-name columns (项目, 科目编码) spans those, never the figures beside them.
      if (c !== '') last = FIGURE_COLUMNS.rowName.test(c) ? '' : c;
      else if (spansDown[h]?.has(i)) last = '';
      out.push(c !== '' ? c : h < header.length - 1 ? last : '');
    }
    return out;
  });
  return Array.from({ length: width }, (_, i) => [...new Set(carried.map((r) => r[i] ?? '').filter((c) => c !== ''))].join('/'));
}
