// Money by its unit (单位：元 / 千元 / 万元 / 亿元). Every table is read in the unit it declares — on
// its title line, on the line above its header, or on its page before it (layout.ts finds that
// line); a table that declares none is read in the document's unit, and that choice is recorded
// (TableUnit.from = DOCUMENT). Sentences are read in the unit they print ("9,101.68万元").
import { declaredUnit, type MoneyUnit } from './amount.js';
import type { Layout, Table } from './layout.js';
import type { Source, TableUnit } from './records.js';

/** What a document's tables are read in when they declare nothing themselves. */
export interface DocumentUnit {
  unit: MoneyUnit;
  /** The first line declaring it when every declaration of the document agrees; null: 万元 by convention. */
  source: Source | null;
}

/**
 * The document's unit: the one unit every declaration of the document names (a Shenzhen budget's
 * 单位：万元 above each table; a document printed all in 元), else 万元 — the unit disclosures
 * print their prose and most tables in — when it declares none, or several (Shanghai's budgets:
 * tables 1-8 in 元, table 9 and the prose in 万元; each of those tables declares its own).
 */
export function documentUnit(text: string, lay: Layout, file: string): DocumentUnit {
  const declared = new Map<MoneyUnit, Source>();
  const note = (unit: MoneyUnit, line: number, lineText: string) => {
    if (!declared.has(unit)) declared.set(unit, { file, table: '单位', line, text: lineText });
  };
  for (const t of lay.tables) if (t.unit) note(t.unit.unit, t.unit.line, t.unit.text);
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    // Only short lines: a sentence that mentions 单位：元 inside is no declaration of the document's.
    if (line.length > 80 || !line.includes('单位')) continue;
    const d = declaredUnit(line);
    if (d) note(d.unit, i + 1, line.trim());
  }
  // The one unit declared (a Map's first entry: done only when it is empty).
  const only = declared.entries().next();
  if (declared.size === 1 && !only.done) {
    const [unit, source] = only.value;
    return { unit, source };
  }
  return { unit: '万元', source: null };
}

/** The unit a table's amounts are read in: its own declaration, else the document's. */
export function tableUnit(table: Table, doc: MoneyUnit): MoneyUnit {
  return table.unit?.unit ?? doc;
}

/** Each table's unit, where it comes from and the line that declares it. */
export function tableUnits(lay: Layout, doc: DocumentUnit, file: string): TableUnit[] {
  return lay.tables.map((t) => ({
    table: t.title,
    line: t.titleLine,
    unit: tableUnit(t, doc.unit),
    from: t.unit ? 'DECLARED' : 'DOCUMENT',
    source: t.unit ? { file, table: t.title, line: t.unit.line, text: t.unit.text } : null,
  }));
}

/** The unit of every table row's line, for readers that key printed cells by line (held.ts, coverage). */
export function lineUnits(lay: Layout, doc: MoneyUnit): Map<number, MoneyUnit> {
  const out = new Map<number, MoneyUnit>();
  for (const t of lay.tables) {
    const unit = tableUnit(t, doc);
    if (unit === doc) continue;
    for (const r of t.rows) out.set(r.line, unit);
  }
  return out;
}
