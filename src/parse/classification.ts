// Classification tables (功能分类 / 经济分类 / 政府采购品目) → BudgetLine records.
import { amountCellProblem, parseAmount, type MoneyUnit } from './amount.js';
import type { Row, Table } from './layout.js';
import type { BudgetLine, Diagnostic, Source } from './records.js';
import { levelOf } from './structure/codes.js';
import { codedTable, type CodedColumnRole, type CodedTable } from './structure/coded-table.js';

export { levelOf, schemeOfCode } from './structure/codes.js';

export interface ClassificationResult {
  lines: BudgetLine[];
  /** 合计 rows per unit (null = the whole table). */
  totals: { unit: string | null; total: bigint | null; basic: bigint | null; project: bigint | null; columns: Record<string, bigint>; source: Source; cellsRead: number[] }[];
}

/** The roles the classification reader reads a 科目 table by (structure/coded-table.ts finds them). */
export const CLASSIFICATION_ROLES = ['TOTAL', 'BASIC', 'PROJECT'] as const satisfies readonly CodedColumnRole[];

export function extractClassification(
  table: Table,
  file: string,
  unit: MoneyUnit,
  basis: 'BUDGET' | 'ACTUAL',
  diagnostics: Diagnostic[],
  structure: CodedTable | null = codedTable(table),
): ClassificationResult {
  const result: ClassificationResult = { lines: [], totals: [] };
  if (!structure) return result;
  const { paths } = structure;
  const at = (role: (typeof CLASSIFICATION_ROLES)[number]) => structure.columns[role]?.index ?? null;
  const [total, basic, project] = [at('TOTAL'), at('BASIC'), at('PROJECT')];
  let currentUnit: string | null = null;

  const amountAt = (row: Row, idx: number | null): bigint | null => {
    if (idx === null) return null;
    const cell = row.cells[idx];
    // A blank cell prints no amount: null, never 0 (parseAmount reads '' as 0; a blank is not a zero).
    if (cell === undefined || cell.trim() === '') return null;
    const parsed = parseAmount(cell, unit);
    if (!parsed) {
      // Text where an amount is printed ("4,6x8", an OCR misreading): no amount, and said — unless
      // the readers' stage already said why this cell is no amount (amountCellProblem).
      if (amountCellProblem(cell, unit) === null) diagnostics.push({ level: 'WARNING', code: 'AMOUNT_UNREADABLE', message: `${table.title}: "${cell.trim().slice(0, 40)}" stands in an amount column (${paths[idx] || `column ${idx + 1}`}) and is no number; the line keeps no amount there (check against the page)`, line: row.line, original: cell });
      return null;
    }
    if (parsed.repair) diagnostics.push({ level: 'INFO', code: 'AMOUNT_REPAIRED', message: `${table.title}: ${parsed.repair}`, line: row.line, original: cell });
    return parsed.fen;
  };

  // Amount columns no header labels: said once per column, with the first line printing one.
  const unlabelled = new Map<number, number>();
  /** Every amount cell of a row from `from` on, by its column's header path; each cell taken is added to `read`. */
  const rowColumns = (row: Row, from: number, read: number[]): Record<string, bigint> => {
    const columns: Record<string, bigint> = {};
    for (let i = from; i < row.cells.length; i++) {
      const parsed = parseAmount(row.cells[i] ?? '', unit);
      if (!parsed || row.cells[i] === '') continue;
      read.push(i);
      if (!paths[i] && !unlabelled.has(i)) unlabelled.set(i, row.line);
      // Side-by-side blocks repeat a label (决算数 | … | 决算数): the column number keeps them apart.
      const label = paths[i] || `column ${i + 1}`;
      columns[label in columns ? `${label} (column ${i + 1})` : label] = parsed.fen;
    }
    return columns;
  };
  const totalsOf = (row: Row, source: Source, label: string | undefined) => {
    // The cells read: the row's label (合计, a unit's name: the structure's, past any 类 | 款 | 项
    // labels printed on the same row) and every amount from the second cell on (total, basic and
    // project are among them).
    const read: number[] = [];
    const columns = rowColumns(row, 1, read);
    const at = label === undefined ? -1 : row.cells.indexOf(label);
    const cellsRead = at >= 0 && !read.includes(at) ? [at, ...read].sort((a, b) => a - b) : read;
    return { unit: currentUnit, total: amountAt(row, total), basic: amountAt(row, basic), project: amountAt(row, project), columns, source, cellsRead };
  };

  for (const { row, role, label, blocks, unreadableClass, unreadablePart, classUnknown, sectionUnknown } of structure.rows) {
    const source: Source = { file, table: table.title, line: row.line, text: row.text };
    if (sectionUnknown !== undefined) diagnostics.push({ level: 'WARNING', code: 'CODE_SECTION_UNKNOWN', message: `${table.title}: the row prints 项 ${sectionUnknown} with its 类 and 款 cells blank and no 款 row above it; its code is not known, the row is not read as a line (check against the page)`, line: row.line, original: row.text });
    if (unreadableClass !== undefined) diagnostics.push({ level: 'WARNING', code: 'CODE_UNREADABLE', message: `${table.title}: the 类 cell prints "${unreadableClass}", which reads as no code; the row's 款 / 项 and amounts are not read as a line (check against the page)`, line: row.line, original: row.text });
    if (unreadablePart !== undefined) diagnostics.push({ level: 'WARNING', code: 'CODE_UNREADABLE', message: `${table.title}: the ${unreadablePart.part} cell prints "${unreadablePart.printed}" and the row reads as no code (no two-digit part, or no name after the parts); its amounts are not read as a line, nor the 项 rows under it (check against the page)`, line: row.line, original: row.text });
    if (classUnknown !== undefined) diagnostics.push({ level: 'WARNING', code: 'CODE_CLASS_UNKNOWN', message: `${table.title}: the row prints 款 ${classUnknown} with its 类 cell blank and no readable 类 row above it; its code is not known, the row is not read as a line (check against the page)`, line: row.line, original: row.text });
    if (role === 'TOTAL') result.totals.push(totalsOf(row, source, label));
    else if (role === 'SECTION') {
      // A unit row (预算单位) heads the lines that follow it and carries their total.
      currentUnit = label ?? null;
      result.totals.push(totalsOf(row, source, label));
    }
    if (role !== 'DATA' || !blocks) continue;
    for (const { start, end, offset, code, scheme, nameAt, classCarried, sectionCarried, classMisprinted, partsPadded } of blocks) {
      // Each block of side-by-side 科目 is a line of its own, reading only its own cells.
      const inBlock = (idx: number | null) => (idx === null ? null : idx + offset < end ? idx + offset : null);
      const blockRow: Row = { ...row, cells: row.cells.slice(0, end) };
      if (classMisprinted) diagnostics.push({ level: 'WARNING', code: 'CODE_CLASS_CARRIED', message: `${table.title}: the 类 cell prints "${classMisprinted}", no code; read as 类 ${classCarried} of the code row above (code ${code}; check against the page)`, line: row.line, original: row.text });
      else if (classCarried && sectionCarried) diagnostics.push({ level: 'INFO', code: 'CODE_CLASS_CARRIED', message: `${table.title}: the 类 and 款 cells are blank on this row; code ${code} takes 类 ${classCarried} and 款 ${sectionCarried} from the code rows above`, line: row.line });
      else if (classCarried) diagnostics.push({ level: 'INFO', code: 'CODE_CLASS_CARRIED', message: `${table.title}: the 类 cell is blank on this row; code ${code} takes 类 ${classCarried} from the code row above`, line: row.line });
      // The cells this line reads: its printed code parts, its name, then each amount it keeps (below).
      const filled = (i: number) => (row.cells[i] ?? '').trim() !== '';
      const cellsRead = Array.from({ length: nameAt + 1 - start }, (_, k) => start + k).filter(filled);
      if (partsPadded) diagnostics.push({ level: 'INFO', code: 'CODE_PART_PADDED', message: `${table.title}: a code part is printed as ${partsPadded.map((p) => `"${p}"`).join(', ')}, one digit where 款 / 项 print two; read with its leading zero (code ${code})`, line: row.line, original: row.text });
      result.lines.push({
        scheme,
        code,
        name: (row.cells[nameAt] ?? '').replace(/\s+/g, ''),
        level: levelOf(scheme, code),
        unit: currentUnit,
        basis,
        total: amountAt(blockRow, inBlock(total) ?? nameAt + 1),
        basic: amountAt(blockRow, inBlock(basic)),
        project: amountAt(blockRow, inBlock(project)),
        columns: rowColumns(blockRow, nameAt + 1, cellsRead),
        source,
        cellsRead,
      });
    }
  }
  for (const [i, line] of unlabelled) {
    diagnostics.push({ level: 'WARNING', code: 'COLUMN_UNLABELLED', message: `${table.title}: amounts in column ${i + 1} sit under no header label; kept as "column ${i + 1}" (check the header against the PDF)`, line });
  }
  return result;
}
