// Document // 公开文件 and Department // 部门 rows: the document's metadata with its headline
// total (and the line it was read from), the department with the alias rule that named it.
import neo4j from 'neo4j-driver';
import type { Figure, ParsedDocument, TableTotal } from '../../parse/records.js';
import { COLUMNS } from '../../parse/glossary/index.js';
import type { DepartmentIdentity } from '../identity.js';
import { fundOfTable, totalTables } from '../../model/document-tables.js';
import { int, n, src } from './values.js';

export function documentRow(doc: ParsedDocument, documentId: string, hash: string) {
  return {
    id: documentId,
    file: doc.meta.file,
    title: doc.meta.title,
    year: n(doc.meta.year),
    kinds: doc.meta.kinds,
    moneyUnit: doc.meta.moneyUnit,
    roundingNote: doc.meta.roundingNote,
    departmentPrinted: doc.meta.department,
    // The 预算单位 a 单位预算 is of, and the line the department's name was read from (meta.ts).
    unitPrinted: doc.meta.publisher?.unit ?? null,
    publisherFrom: doc.meta.publisher?.departmentFrom ?? null,
    publisherLine: doc.meta.publisher ? neo4j.int(doc.meta.publisher.departmentSource.line) : null,
    publisherText: doc.meta.publisher?.departmentSource.text ?? null,
    contentHash: hash,
    searchText: doc.meta.title,
    ...src(doc.meta.source),
    ...documentTotal(doc.totals, doc.lines, doc.figures),
  };
}

export function departmentRow(doc: ParsedDocument, dept: DepartmentIdentity) {
  return { id: dept.id, name: dept.name, alias: doc.meta.department, rule: dept.rules.join('; ') || 'exact', searchText: dept.name };
}

/**
 * The document's headline total: the whole-table 合计 of its 功能分类 primary table — the table
 * the aggregates and the money trail read (src/model/document-tables.ts) — with the line it was
 * read from; the next 功能分类 table when that one prints no total.
 */
function documentTotal(totals: TableTotal[], lines: ParsedDocument['lines'], figures: Figure[]) {
  for (const table of totalTables(lines)) {
    // The rows of the table that print a total (the filter's type says so: no assertion later).
    const inTable = totals.filter((x): x is TableTotal & { total: bigint } => x.table === table && x.total !== null);
    const whole = inTable.find((x) => x.unit === null);
    const basis = lines.find((l) => l.source.table === table)?.basis ?? 'BUDGET';
    // A fund's own table stands for the document only when no table of all funds is printed: said.
    const fund = fundOfTable(table);
    const fundNote = fund ? `${fund} only: the document prints no expenditure table of all funds` : null;
    if (whole) return { totalFen: int(whole.total), totalBasis: basis, totalNote: fundNote, totalTable: table, totalLine: neo4j.int(whole.source.line), totalText: whole.source.text };
    // Tables printed per 预算单位 carry no 合计 row: the total is the sum of the unit rows.
    const [firstRow] = inTable;
    if (firstRow) {
      const sum = inTable.reduce((acc, x) => acc + x.total, 0n);
      const first = firstRow.source;
      const rows = inTable.length > 1 ? `sum of ${inTable.length} unit rows` : null;
      return { totalFen: int(sum), totalBasis: basis, totalNote: [rows, fundNote].filter(Boolean).join('; ') || null, totalTable: table, totalLine: neo4j.int(first.line), totalText: first.text };
    }
  }
  // A document of forms only (整体支出绩效目标申报表) prints no classification table: its total is
  // the form's 金额合计 row, in the all-sources column (总额) when the row prints several.
  const formTotal = formTotalFigure(figures);
  if (formTotal) return { totalFen: int(formTotal.amount), totalBasis: formTotal.basis, totalNote: `the form's ${formTotal.item}`, totalTable: formTotal.source.table, totalLine: neo4j.int(formTotal.source.line), totalText: formTotal.source.text };
  return { totalFen: null, totalBasis: null };
}

function formTotalFigure(figures: Figure[]): (Figure & { amount: bigint }) | null {
  const rows = figures.filter((f): f is Figure & { amount: bigint } => f.family === 'PERFORMANCE_TARGETS' && f.measure === 'MONEY' && f.amount !== null && COLUMNS.formTotal.matches.test(f.item));
  const first = rows[0];
  if (!first) return null;
  const row = rows.filter((f) => f.source.line === first.source.line);
  return row.find((f) => COLUMNS.formAmount.matches.test(f.column)) ?? first;
}
