// What a table-family reader is (src/parse/table-families.ts runs them in order): given a table
// and the document's context, null when the table is not of its family, else what it read and
// whether it claims the table.
import type { Table } from '../layout.js';
import type { Diagnostic, DocumentMeta, MoneyUnit, ParsedDocument } from '../records.js';
import { structureOf, type TableStructure } from '../structure/index.js';

/** What every family reads a table with. */
export interface TableContext {
  file: string;
  meta: DocumentMeta;
  isActual: boolean;
  /** The unit this table's amounts are read in (src/parse/units.ts); the document's when absent. */
  unit?: MoneyUnit;
  /** Shared with the document: families add warnings about what they could not read. */
  diagnostics: Diagnostic[];
  /** The table's structure (the `structure` stage's): the roles its columns and rows are read by. Built here when absent. */
  structure?: TableStructure;
}

/** The record lists a table can add to. */
export type TableRecords = Partial<Pick<ParsedDocument, 'lines' | 'totals' | 'projects' | 'indicators' | 'investmentProjects' | 'selfEvaluations' | 'threeCosts' | 'payments' | 'anomalies'>>;

export interface Extracted {
  records: TableRecords;
  /** True: the table is this family's, no later family sees it. False: keep these, try on. */
  claimed: boolean;
}

export interface TableFamilyReader {
  family: string;
  /** Null when the table is not of this family. */
  extract(table: Table, ctx: TableContext): Extracted | null;
}

/** The unit a reader reads the table's amounts in. */
export const unitOf = (ctx: TableContext): MoneyUnit => ctx.unit ?? ctx.meta.moneyUnit;

/** The structure a reader reads the table by: the structure stage's, or built now (a reader called alone). */
export const structureIn = (table: Table, ctx: TableContext): TableStructure => ctx.structure ?? structureOf(table, unitOf(ctx));

/** The table is this family's: what it read, and no later family sees the table. */
export const claim = (records: TableRecords): Extracted => ({ records, claimed: true });

