// How parsed values become Neo4j parameters: money as Integer fen (never a float), provenance as
// srcTable / srcLine / srcText, lists of sources and funding rows as JSON strings.
import neo4j, { type Integer } from 'neo4j-driver';
import type { FundingLine, Source } from '../../parse/records.js';

export const int = (v: bigint | null): Integer | null => (v === null ? null : neo4j.int(v.toString()));
/** A row's exact integer back to bigint (for a rule that reads a row already built). */
export const big = (v: Integer | null): bigint | null => (v === null ? null : BigInt(v.toString()));
export const n = (v: number | null): Integer | null => (v === null || !Number.isFinite(v) ? null : neo4j.int(v));
export const src = (s: Source) => ({ srcTable: s.table, srcLine: neo4j.int(s.line), srcText: s.text });
export const sourceJson = (list: Source[]): string[] => list.map((s) => JSON.stringify(s));
export const fundingJson = (list: FundingLine[] | null): string | null =>
  list ? JSON.stringify(list.map((f) => ({ source: f.source, budgetFen: f.budget?.toString() ?? null, executedFen: f.executed?.toString() ?? null, rate: f.rate ?? null, line: f.line }))) : null;
/** Column maps (header path → fen) as JSON with decimal strings. */
export const columnsJson = (columns: Record<string, bigint>): string => JSON.stringify(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v.toString()])));
