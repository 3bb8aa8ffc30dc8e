// What the stages show of a table (--stage=table-model, --stage=structure): its header paths and
// the roles its columns are read by, as the readers decide them today (figures.ts for every table's
// figures, classification.ts for a table of 科目 codes). Views only: nothing here is read into a record.
import { standardTableOf } from './families.js';
import { figureCells, measureOf } from './figures.js';
import type { Table } from './layout.js';
import type { FigureMeasure } from './records.js';
import { codedTable, type CodedTable } from './structure/coded-table.js';

/** The header paths a table's figures are read under (figures.ts), one block per header: the line of the first row under it. */
export function headerBlocks(table: Table): { firstRowLine: number; paths: string[] }[] {
  const out: { firstRowLine: number; paths: string[] }[] = [];
  let last: string[] | null = null;
  for (const cell of figureCells(table)) {
    if (cell.columns === last) continue;
    last = cell.columns;
    out.push({ firstRowLine: cell.row.line, paths: cell.columns });
  }
  return out;
}

export function standardOf(title: string): { disclosure: string; no: number } | null {
  const s = standardTableOf(title);
  return s ? { disclosure: s.disclosure, no: s.table.no } : null;
}

/**
 * Each header path a table's figures are read under, with the measure the path gives them
 * (figures.ts measureOf: MONEY unless the label names a rate, score or count).
 */
export function columnRoles(table: Table): { firstRowLine: number; columns: { index: number; path: string; measure: FigureMeasure }[] }[] {
  return headerBlocks(table).map(({ firstRowLine, paths }) => ({
    firstRowLine,
    columns: paths.flatMap((path, index) => (path === '' ? [] : [{ index, path, measure: measureOf(path, '') }])),
  }));
}

/**
 * For a table printing 科目 codes, the roles the classification reader reads its columns by
 * (structure/coded-table.ts): which is the total, 基本支出 and 项目支出, each column's header path, how
 * many cells a code is printed in. It reads them when no earlier family claims the table (readers: readBy).
 */
export function classificationRoles(table: Table, coded: CodedTable | null = codedTable(table)): { firstDataLine: number | null; codeCells: number; total: Role; basic: Role; project: Role; columns: string[] } | null {
  if (!coded) return null;
  const role = (r: 'TOTAL' | 'BASIC' | 'PROJECT'): Role => coded.columns[r] ?? null;
  return { firstDataLine: table.rows[coded.firstData]?.line ?? null, codeCells: Math.max(1, coded.parts), total: role('TOTAL'), basic: role('BASIC'), project: role('PROJECT'), columns: coded.paths };
}

type Role = { index: number; path: string } | null;
