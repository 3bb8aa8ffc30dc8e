// The cells a line's records read // 读取的单元格 (#39 item 1): each reader says, on the record, which
// cells of its table row it read (ReadsCells.cellsRead: a 科目 line's code, name and amount cells,
// a 合计 row's label and amounts, a 三公 record's figures, a payment's serial, item and amount, an
// indicator's levels, name and values, a listed project's cells, a self-evaluation's figures, a
// figure's value and the cells naming its row — a summary row's 收入 or 支出 item, a 合计 column, a
// form's money figure, a score — and what a form's project read on its money and 资金来源 rows).
// This pass only puts those row indexes back on the printed line (a row the table model regridded
// past a page break keeps other indexes than its line) and gathers them per line, to be stored
// beside the line's place (src/load/places.ts), so that Source.cells serves the cells a fact read,
// not every cell of its row. A line whose cells cannot be told with certainty gets none (its place
// keeps every cell, none said read).
import { cleanCell, isPiiLabel, type LineCells, type Row } from './layout.js';
import { REDACTED } from './personal-data.js';
import { PARSE_PIPELINE, pipelineInput, type Parsed } from './pipeline.js';
import type { PrintedDocument } from '../source/printed.js';
import type { Diagnostic, ParsedDocument, ReadsCells, Source } from './records.js';
import { figureReadKey, readKey } from '../model/read-keys.js';

/** Per line (1-based), the indexes of its printed cells (its tab-separated parts) its records read, ascending. */
export type CellsRead = ReadonlyMap<number, readonly number[]>;

/**
 * Per line holding more than one record that says its cells (side-by-side 科目 blocks, a 三公 row's
 * 预算数 and 决算数, a summary row's 收入 and 支出 items), each keyed record's own cells by its key
 * (src/model/read-keys.ts), printed indexes.
 */
export type RecordCellsRead = ReadonlyMap<number, Readonly<Record<string, readonly number[]>>>;

/** parseDocument (index.ts), and the cells each line's records read. */
export function parseWithCellsRead(input: string | PrintedDocument, file: string, sourceNotes: readonly Diagnostic[] = [], places?: readonly (LineCells | null)[] | null): { doc: ParsedDocument; cellsRead: CellsRead; recordCells: RecordCellsRead } {
  const state = PARSE_PIPELINE.run(pipelineInput(input, file, sourceNotes, places));
  // Only a source with places (a PDF, a scan) has cells to point at: a text's would be thrown
  // away by withCellsRead, so it is not computed on the load's hot path.
  return { doc: state.doc, ...(state.places ? cellsReadOf(state) : { cellsRead: new Map(), recordCells: new Map() }) };
}

/** A record that says the cells it read, and its key among its line's records (none: it is alone on its line by kind). */
interface Reading {
  source: { line: number };
  cells: readonly number[] | undefined;
  key: string | null;
  /** A figure's value cell (the last it read): no other record of its line can have read it. */
  value?: number;
  /** Read on a line other than its record's own (a form's money row): never served with this line. */
  elsewhere?: boolean;
}

/**
 * The cells read on each line whose records all say which cells they read. Lines that also give
 * a record whose reader does not say (a residual figure, a listing table's project) are left out: which of
 * their cells belong to which record is not known.
 */
export function cellsReadOf(state: Parsed): { cellsRead: CellsRead; recordCells: RecordCellsRead } {
  const { doc, layout: lay } = state;
  const readings: Reading[] = [
    ...doc.lines.map((r) => reading(r, readKey('BudgetLine', r.code))),
    ...doc.threeCosts.filter((r) => r.origin === 'TABLE').map((r) => reading(r, readKey('ThreeCosts', r.basis))),
    ...doc.totals.map((r) => reading(r, null)),
    ...doc.payments.map((r) => reading(r, null)),
    // A form's project (its 项目名称 row), a listing's (its row in a project table, a 重点项目 table,
    // a target form's tasks) and an investment project (its 国家编码 row); a project read from
    // prose says no cells, and its line is left out below.
    ...doc.projects.map((r) => reading(r, null)),
    ...doc.investmentProjects.map((r) => reading(r, null)),
    // An indicator's row (its levels, name and values) and a self-evaluation form's money row.
    ...doc.indicators.map((r) => reading(r, null)),
    ...doc.selfEvaluations.filter((r) => r.origin === 'TABLE').map((r) => reading(r, null)),
    // A figure (a summary row's item, a 合计 column, a form's money figure, a score): its value and
    // the cells naming its row (figures.ts); a run-together table's says none, and its line is left out.
    ...doc.figures.map((r) => ({ ...reading(r, figureReadKey(r.item, r.column)), value: r.cellsRead?.at(-1) })),
    // What a record read on a line other than its own (a form's money row, its 资金来源 rows): the
    // cells said there, else that line is left out below.
    ...doc.projects.flatMap((p) => [
      ...(p.amountSource && p.amountSource.line !== p.source.line ? [{ source: p.amountSource, cells: p.amountRead?.cellsRead, key: null, elsewhere: true }] : []),
      ...(p.funding ?? []).filter((f) => f.line.line !== p.source.line).map((f) => ({ source: f.line, cells: f.cellsRead, key: null, elsewhere: true })),
    ]),
  ];
  // Any other record on a line: which of its cells belong to which record is not said here.
  const others = new Set<number>();
  const otherRecords: readonly { source: { line: number } }[][] = [doc.threeCosts.filter((r) => r.origin !== 'TABLE'), doc.selfEvaluations.filter((r) => r.origin !== 'TABLE'), doc.proseAmounts];
  for (const list of otherRecords) for (const r of list) others.add(r.source.line);
  // An investment form's fields printed on lines of their own: their cells are not said.
  for (const ip of doc.investmentProjects) for (const s of Object.values(ip.fieldSources)) if (s && s.line !== ip.source.line) others.add(s.line);
  for (const r of readings) if (!r.cells) others.add(r.source.line);
  // The rows records were read from, by line (a flattened table's rows are not its printed lines).
  const rows = new Map<number, Row>();
  for (const table of lay.tables) if (!table.flattened) for (const row of table.rows) rows.set(row.line, row);
  const atOfLine = new Map<number, (number | undefined)[] | null>();
  const perLine = new Map<number, { cells: (number[] | null)[]; keys: (string | null)[]; values: (number | undefined)[]; servedUnkeyed: boolean }>();
  for (const r of readings) {
    const line = r.source.line;
    if (others.has(line)) continue;
    const row = rows.get(line);
    if (!row || !r.cells) continue;
    if (!atOfLine.has(line)) atOfLine.set(line, printedIndexes(row, state.cells[line - 1] ?? []));
    const at = atOfLine.get(line);
    const cells = at ? r.cells.flatMap((i) => (at[i] === undefined ? [] : [at[i]])) : [];
    const entry = perLine.get(line) ?? { cells: [], keys: [], values: [], servedUnkeyed: false };
    // A cell that has no place on the printed line: the record's cells are not told. A record that
    // read no cell (a 三公 record whose figures are all printed blank) keeps none of its own, not
    // its neighbours'.
    entry.cells.push(at && cells.length === r.cells.length ? cells : null);
    entry.keys.push(r.key);
    entry.values.push(r.value === undefined ? undefined : at?.[r.value]);
    if (r.key === null && !r.elsewhere) entry.servedUnkeyed = true;
    perLine.set(line, entry);
  }
  const cellsRead = new Map<number, number[]>();
  const recordCells = new Map<number, Record<string, number[]>>();
  for (const [line, { cells, keys, values, servedUnkeyed }] of perLine) {
    const told = cells.flatMap((c) => c ?? []);
    if (cells.some((c) => c === null) || told.length === 0) continue;
    // A figure beside a record served without a key (a 合计 row's total, a payment, a listed
    // project): that record would be served the figure's cells as its own, so the line is not told.
    if (servedUnkeyed && values.some((v) => v !== undefined)) continue;
    // A figure is a cell no record holds (held.ts): one whose value cell another record of the line
    // read was matched to the wrong cell of two printing one value, so the line's cells are not told.
    if (values.some((v, k) => v !== undefined && cells.some((c, o) => o !== k && c?.includes(v)))) continue;
    cellsRead.set(line, [...new Set(told)].sort((a, b) => a - b));
    if (cells.length < 2) continue;
    // Each keyed record's own cells (a record without a key — a 合计 row's total beside 科目 blocks —
    // is served the line's; what a form's project read on its money row is not served with it).
    // Two records with one key (one code printed twice on a line): their cells together.
    const byKey: Record<string, number[]> = {};
    cells.forEach((c, k) => {
      const key = keys[k];
      if (key === null || key === undefined) return;
      byKey[key] = [...new Set([...(byKey[key] ?? []), ...(c ?? [])])].sort((a, b) => a - b);
    });
    // One key alone on the line holds every cell read: the line's cells say it already.
    if (Object.keys(byKey).length > 1 || (Object.keys(byKey).length === 1 && keys.some((k) => k === null))) recordCells.set(line, byKey);
  }
  return { cellsRead, recordCells };
}

const reading = (r: ReadsCells & { source: Source }, key: string | null): Reading => ({ source: r.source, cells: r.cellsRead, key });

/**
 * Each of the row's cells' index among the printed line's cells: the same index when
 * the row keeps the line's cells (cleaned, personal data blanked), else — a row put back in its
 * table's columns past a page break (layout.ts regridded) — its filled cells matched to the line's
 * filled parts in order. Null when they do not match one for one.
 */
function printedIndexes(row: Row, line: readonly string[]): (number | undefined)[] | null {
  // The line's printed cells (the source model's, personal data redacted: pipeline.ts), as the table model cleans them.
  const parts = line.map((p) => {
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
