// Neo4j values → plain TypeScript values. Money properties (named *Fen) become bigint so no
// amount ever passes through a float; every other integer becomes a number.
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

export function plain(value: unknown, key = ''): unknown {
  if (neo4j.isInt(value)) return key.endsWith('Fen') ? BigInt(value.toString()) : value.toNumber();
  if (Array.isArray(value)) return value.map((v) => plain(v, key));
  if (value !== null && typeof value === 'object') {
    if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v, k);
    return out;
  }
  return value;
}

/** One column of every record, converted. */
export function column<T>(records: Neo4jRecord[], name: string): T[] {
  return records.map((r) => plain(r.get(name), name) as T);
}

/** The record's columns as one plain object. */
export function row<T>(record: Neo4jRecord): T {
  return plain(record.toObject()) as T;
}
