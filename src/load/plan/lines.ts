// BudgetLine // 科目行 rows, marked with what aggregates and the money trail read so no money is
// counted twice: the primary table of each scheme (src/model/document-tables.ts) stands for all
// funds, fund tables for one fund. A line's unit is the 预算单位 its table prints it under, else
// the unit a 单位预算 / 单位决算 is of (as for projects: identity.ts listingUnit); a line a table
// prints for the department as a whole is no unit's (unitId null: no FOR_UNIT), never the
// department's own unit (本级), which is one unit among its others.
import type { ParsedDocument, Source } from '../../parse/records.js';
import { labelOfScheme } from '../../model/codes.js';
import { fundOfTable, primaryTables } from '../../model/document-tables.js';
import { factId } from '../../model/ids.js';
import { listingUnit } from '../identity.js';
import type { UnitRegistry } from './units.js';
import { columnsJson, n, src } from './values.js';
import { storedValues } from './stored.js';
import { BUDGET_LINE } from '../../model/kinds/budget-line.js';

export function lineRows(doc: ParsedDocument, documentId: string, units: UnitRegistry) {
  const primary = primaryTables(doc.lines);
  const publisher = doc.meta.publisher;
  return doc.lines.map((l, i) => ({
    id: factId(documentId, 'BudgetLine', i),
    primary: primary.get(l.scheme) === l.source.table,
    fund: fundOfTable(l.source.table),
    ...storedValues(BUDGET_LINE, l, {
      scheme: { label: labelOfScheme(l.scheme) },
      basis: {
        year: n(doc.meta.year),
        unitId: unitOf(l, publisher?.unit ?? null, publisher?.unitSource ?? l.source, units),
        // The 预算单位 as the table prints it; null when the table prints none (the document's unit,
        // or the department as a whole).
        unitPrinted: l.unit,
      },
    }),
    columns: columnsJson(l.columns),
    ...src(l.source),
  }));
}

/**
 * The line's unit id: the unit printed over it, else the unit the document is of (named where the
 * document prints it, its 预算单位：… line); null for a line of the department as a whole.
 */
function unitOf(line: { unit: string | null; source: Source }, documentUnit: string | null, documentUnitSource: Source, units: UnitRegistry): string | null {
  const owner = listingUnit(line.unit, documentUnit);
  if (owner.unit === null) return null;
  return units.add(owner.unit, owner.rule === 'PRINTED' ? line.source : documentUnitSource);
}
