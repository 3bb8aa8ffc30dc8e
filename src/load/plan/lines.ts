// BudgetLine // 科目行 rows, marked with what aggregates and the money trail read so no money is
// counted twice: the primary table of each scheme (src/model/document-tables.ts) stands for all
// funds, fund tables for one fund.
import type { ParsedDocument } from '../../parse/records.js';
import { labelOfScheme } from '../../model/codes.js';
import { fundOfTable, primaryTables } from '../../model/document-tables.js';
import { factId } from '../../model/ids.js';
import type { UnitRegistry } from './units.js';
import { columnsJson, n, src } from './values.js';
import { storedValues } from './stored.js';
import { BUDGET_LINE } from '../../model/kinds/budget-line.js';

export function lineRows(doc: ParsedDocument, documentId: string, units: UnitRegistry) {
  const primary = primaryTables(doc.lines);
  return doc.lines.map((l, i) => ({
    id: factId(documentId, 'BudgetLine', i),
    primary: primary.get(l.scheme) === l.source.table,
    fund: fundOfTable(l.source.table),
    ...storedValues(BUDGET_LINE, l, {
      scheme: { label: labelOfScheme(l.scheme) },
      basis: {
        year: n(doc.meta.year),
        unitId: units.add(l.unit, l.source),
        // The 预算单位 as the table prints it; null when the table prints the department as a whole
        // (the line then counts in no unit's cell of aggregate by UNIT).
        unitPrinted: l.unit,
      },
    }),
    columns: columnsJson(l.columns),
    ...src(l.source),
  }));
}
