// BudgetLine // 科目行 rows, marked with what aggregates read so no money is counted twice: a
// document prints the same 科目 in several tables; the primary table of each scheme stands for
// all funds, fund tables for one fund.
import type { ParsedDocument } from '../../parse/records.js';
import { labelOfScheme } from '../../model/codes.js';
import { factId } from '../../model/ids.js';
import type { UnitRegistry } from './units.js';
import { columnsJson, int, n, src } from './values.js';

export function lineRows(doc: ParsedDocument, documentId: string, units: UnitRegistry) {
  const primary = primaryTables(doc.lines);
  return doc.lines.map((l, i) => ({
    id: factId(documentId, 'BudgetLine', i),
    primary: primary.get(l.scheme) === l.source.table,
    fund: fundOfTable(l.source.table),
    scheme: l.scheme,
    label: labelOfScheme(l.scheme),
    code: l.code,
    name: l.name,
    level: n(l.level),
    basis: l.basis,
    year: n(doc.meta.year),
    unitId: units.add(l.unit, l.source),
    totalFen: int(l.total),
    basicFen: int(l.basic),
    projectFen: int(l.project),
    columns: columnsJson(l.columns),
    ...src(l.source),
  }));
}

/**
 * Per scheme, the table whose lines stand for the document in aggregates: for 功能分类 the first
 * table of all funds that prints 支出 (部门支出总表 / 支出总表 / 支出决算表), else the first; for
 * 经济分类 and 采购 the first table printing them.
 */
export function primaryTables(lines: ParsedDocument['lines']): Map<string, string> {
  const out = new Map<string, string>();
  for (const scheme of ['FUNCTION', 'ECONOMIC', 'PROCUREMENT'] as const) {
    const tables = [...new Set(lines.filter((l) => l.scheme === scheme).map((l) => l.source.table))];
    const allFunds = tables.filter((t) => fundOfTable(t) === null);
    const pick = (scheme === 'FUNCTION' ? allFunds.find((t) => /支出/.test(t)) : undefined) ?? allFunds[0] ?? tables[0];
    if (pick) out.set(scheme, pick);
  }
  return out;
}

/** The fund (资金性质) a table is restricted to by its title, or null for a table of all funds. */
export function fundOfTable(title: string): string | null {
  if (/政府性基金/.test(title)) return '政府性基金预算';
  if (/国有资本经营/.test(title)) return '国有资本经营预算';
  if (/一般公共预算/.test(title)) return '一般公共预算';
  return null;
}
