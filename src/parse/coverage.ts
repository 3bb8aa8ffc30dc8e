// Coverage: of every number a document's tables print, how many a typed record holds, how many
// only a Figure holds, how many nothing holds — per table, so a reader checking a new document
// sees what was missed. Personal data (填表人, 联系电话) is not counted: it is dropped by design.
import { figureCells } from './figures.js';
import { familyOfTitle, standardTableOf, type TableFamily } from './families.js';
import { emptyTableNote, printsNoFigure } from './disclosure.js';
import type { MoneyUnit } from './amount.js';
import { heldIndex, takeHeld, valueKey } from './held.js';
import type { Layout } from './layout.js';
import type { ParsedDocument } from './records.js';
import { pushTo } from '../multimap.js';
import { lineUnits, tableUnit } from './units.js';

export interface TableCoverage {
  title: string;
  /** OTHER: no family of the glossary (printed UNKNOWN). */
  family: TableFamily;
  line: number;
  /** The unit its amounts were read in (its own declaration, else the document's). */
  unit: MoneyUnit;
  /** Its number in the standard set it belongs to (Shanghai's nine), or null. */
  standardNo: number | null;
  /** Printed with no figure: NOTED when the page says so (本表无数据), SILENT when it does not; null when it prints figures. */
  empty: 'NOTED' | 'SILENT' | null;
  rows: number;
  /** Rows printing at least one number. */
  numericRows: number;
  /** Rows whose every number a typed record (line, project, indicator …) holds. */
  rowsRead: number;
  /** Rows with a number held only as a Figure, none unheld. */
  rowsAsFigures: number;
  /** Rows with a number nothing holds. */
  rowsNotRead: number;
  cells: number;
  cellsTyped: number;
  cellsFigures: number;
  cellsNotRead: number;
  /** Lines of the rows not read, for the reader to look at. */
  notReadLines: number[];
}

export function coverage(doc: ParsedDocument, lay: Layout): TableCoverage[] {
  const units = lineUnits(lay, doc.meta.moneyUnit);
  const typed = heldIndex({ ...doc, figures: [] }, units);
  const figures = heldIndex({ ...doc, lines: [], totals: [], projects: [], indicators: [], investmentProjects: [], selfEvaluations: [], threeCosts: [], payments: [] }, units);
  return lay.tables.map((t) => {
    const unit = tableUnit(t, doc.meta.moneyUnit);
    const empty = printsNoFigure(t) ? (emptyTableNote(t, lay) ? 'NOTED' : 'SILENT') : null;
    const c: TableCoverage = { title: t.title, family: familyOfTitle(t.title), line: t.titleLine, unit, standardNo: standardTableOf(t.title)?.table.no ?? null, empty, rows: t.rows.length, numericRows: 0, rowsRead: 0, rowsAsFigures: 0, rowsNotRead: 0, cells: 0, cellsTyped: 0, cellsFigures: 0, cellsNotRead: 0, notReadLines: [] };
    const byRow = new Map<number, string[]>();
    for (const f of figureCells(t)) pushTo(byRow, f.row.line, f.cell);
    for (const [line, cells] of byRow) {
      let typedHere = 0;
      let figuresHere = 0;
      let missing = 0;
      for (const cell of cells) {
        const key = valueKey(cell, unit);
        if (takeHeld(typed, line, key)) typedHere++;
        else if (takeHeld(figures, line, key)) figuresHere++;
        else missing++;
      }
      const n = typedHere + figuresHere + missing;
      if (n === 0) continue;
      c.numericRows++;
      c.cells += n;
      c.cellsTyped += typedHere;
      c.cellsFigures += figuresHere;
      c.cellsNotRead += missing;
      if (missing) {
        c.rowsNotRead++;
        c.notReadLines.push(line);
      } else if (figuresHere) c.rowsAsFigures++;
      else c.rowsRead++;
    }
    return c;
  });
}
