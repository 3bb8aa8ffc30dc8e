// The table families a document's tables are read as, in the order they are tried (the most
// specific first). Each reader lives in its own file under readers/ and says whether a table is
// its own (`extract` answers null when it is not) and what it read; the first that claims a table
// is the last to see it. Adding a family is adding a reader and its place here.
import type { Table } from './layout.js';
import type { TableContext, TableFamilyReader, TableRecords } from './readers/reader.js';
import { investmentFormReader } from './readers/investment-form.js';
import { paymentDetailReader } from './readers/payment-detail.js';
import { threeCostsReader } from './readers/three-costs.js';
import { projectFormReader } from './readers/project-form.js';
import { codedProjectTableReader } from './readers/coded-project-table.js';
import { keyProjectTableReader } from './readers/key-project-table.js';
import { targetFormReader } from './readers/target-form.js';
import { classificationReader } from './readers/classification.js';

export type { TableContext, TableRecords } from './readers/reader.js';

export const TABLE_FAMILY_READERS: readonly TableFamilyReader[] = [
  investmentFormReader,
  paymentDetailReader,
  threeCostsReader,
  projectFormReader,
  codedProjectTableReader,
  keyProjectTableReader,
  targetFormReader,
  classificationReader,
];

/** Reads one table with the first family that claims it; the records of every family that read it. */
export function readTable(table: Table, ctx: TableContext): TableRecords[] {
  return readTableBy(table, ctx).map((r) => r.records);
}

/** readTable, each record set with the family that read it (the last one claimed the table). */
export function readTableBy(table: Table, ctx: TableContext): { family: string; records: TableRecords }[] {
  const out: { family: string; records: TableRecords }[] = [];
  for (const reader of TABLE_FAMILY_READERS) {
    const got = reader.extract(table, ctx);
    if (!got) continue;
    out.push({ family: reader.family, records: got.records });
    if (got.claimed) break;
  }
  return out;
}
