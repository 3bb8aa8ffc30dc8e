// The cells a line's records read // 读取的单元格 (#39 item 1): after the readers, which printed cells
// of a line its facts were read from — the code's cells, the name's and each amount's — found from
// the table's structure (structure/: which column holds the code, the name, where the amounts
// start), not from any reader's internals. Stored beside the line's place (src/load/places.ts), so
// that Source.cells serves the cells a fact read, not every cell of its row. A line whose cells
// cannot be told with certainty gets none (its place keeps every cell, none said read).
import { parseAmount, type MoneyUnit } from './amount.js';
import { cleanCell, isPiiLabel, type LineCells, type Row } from './layout.js';
import { REDACTED } from './personal-data.js';
import { PARSE_PIPELINE, type Parsed } from './pipeline.js';
import type { Diagnostic, ParsedDocument } from './records.js';
import type { CodedTable } from './structure/index.js';
import { tableUnit } from './units.js';

/** Per line (1-based), the indexes of its printed cells (its tab-separated parts) its records read, ascending. */
export type CellsRead = ReadonlyMap<number, readonly number[]>;

/** parseDocument (index.ts), and the cells each line's records read. */
export function parseWithCellsRead(input: string, file: string, sourceNotes: readonly Diagnostic[] = [], places?: readonly (LineCells | null)[] | null): { doc: ParsedDocument; cellsRead: CellsRead } {
  const state = PARSE_PIPELINE.run({ text: input, file, sourceNotes, places });
  // Only a source with places (a PDF, a scan) has cells to point at: a text's would be thrown
  // away by withCellsRead, so it is not computed on the load's hot path.
  return { doc: state.doc, cellsRead: places ? cellsReadOf(state) : new Map() };
}

/**
 * The cells read on each line of a 科目 table (功能 / 经济分类, 采购品目) whose records are its
 * BudgetLines (code cells, name cell, amount cells) or its 合计 / unit row's total (label cell,
 * amount cells). Lines that also give another kind of record (a residual figure reads one cell of
 * the row, a project form another) are left out: their line's cells are not one record's.
 */
export function cellsReadOf(state: Parsed): CellsRead {
  const { doc, layout: lay, structures, meta } = state;
  const ours = new Set<number>();
  for (const r of [...doc.lines, ...doc.totals]) ours.add(r.source.line);
  // Any other record on a line: which of its cells belong to which record is not said here.
  const others = new Set<number>();
  const otherRecords: readonly { source: { line: number } }[][] = [doc.figures, doc.threeCosts, doc.projects, doc.indicators, doc.investmentProjects, doc.selfEvaluations, doc.payments, doc.proseAmounts];
  for (const list of otherRecords) for (const r of list) others.add(r.source.line);
  const printed = state.redaction.text.split(/\r?\n/);
  const out = new Map<number, number[]>();
  for (const table of lay.tables) {
    const coded = structures.get(table)?.coded;
    if (!coded || table.flattened) continue;
    const unit = tableUnit(table, meta.moneyUnit);
    for (const codedRow of coded.rows) {
      const { row } = codedRow;
      if (!ours.has(row.line) || others.has(row.line)) continue;
      const read = readInRow(codedRow, unit);
      if (!read.length) continue;
      const at = printedIndexes(row, printed[row.line - 1] ?? '');
      if (!at) continue;
      const cells = read.flatMap((i) => (at[i] === undefined ? [] : [at[i]]));
      if (cells.length !== read.length) continue;
      out.set(row.line, [...new Set([...(out.get(row.line) ?? []), ...cells])].sort((a, b) => a - b));
    }
  }
  return out;
}

/** Indexes (in the row's cells) of what the classification reader reads on a row: see extractClassification. */
function readInRow({ row, role, blocks, label: printedLabel }: CodedTable['rows'][number], unit: MoneyUnit): number[] {
  const cells = row.cells;
  const filled = (i: number) => (cells[i] ?? '').trim() !== '';
  // An amount cell the reader keeps: parsed in the table's unit, not blank (a blank is no zero).
  const amounts = (from: number, end: number) => {
    const out: number[] = [];
    for (let i = from; i < end; i++) if (cells[i] !== '' && parseAmount(cells[i] ?? '', unit)) out.push(i);
    return out;
  };
  if (role === 'DATA' && blocks) {
    return blocks.flatMap(({ start, end, nameAt }) => {
      const code = Array.from({ length: nameAt - start }, (_, k) => start + k).filter(filled);
      return [...code, ...(filled(nameAt) ? [nameAt] : []), ...amounts(nameAt + 1, end)];
    });
  }
  if (role === 'TOTAL' || role === 'SECTION') {
    // The row's label (合计, a unit's name: the structure's, past any 类 | 款 | 项 labels printed on
    // the same row) and its amounts, read from the second cell on.
    const label = printedLabel === undefined ? -1 : cells.indexOf(printedLabel);
    const figures = amounts(1, cells.length);
    return label >= 0 && !figures.includes(label) ? [label, ...figures].sort((a, b) => a - b) : figures;
  }
  return [];
}

/**
 * Each of the row's cells' index among the printed line's tab-separated parts: the same index when
 * the row keeps the line's cells (cleaned, personal data blanked), else — a row put back in its
 * table's columns past a page break (layout.ts regridded) — its filled cells matched to the line's
 * filled parts in order. Null when they do not match one for one.
 */
function printedIndexes(row: Row, line: string): (number | undefined)[] | null {
  const parts = line.split('\t').map((p) => {
    const c = cleanCell(p);
    return c === REDACTED || isPiiLabel(c) ? '' : c;
  });
  if (row.cells.length <= parts.length && row.cells.every((c, i) => c === parts[i])) return row.cells.map((_, i) => i);
  const filledRow = row.cells.flatMap((c, i) => (c.trim() !== '' ? [i] : []));
  const filledLine = parts.flatMap((c, i) => (c.trim() !== '' ? [i] : []));
  if (filledRow.length !== filledLine.length) return null;
  const out: (number | undefined)[] = [];
  for (const [k, i] of filledRow.entries()) {
    const at = filledLine[k];
    if (at === undefined || row.cells[i] !== parts[at]) return null;
    out[i] = at;
  }
  return out;
}
