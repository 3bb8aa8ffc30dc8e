// Neo4j values → plain TypeScript values. Money properties (named *Fen) become bigint so no
// amount ever passes through a float; every other integer becomes a number.
import { isProps, type Props } from './props.js';
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

export function plain(value: unknown, key = ''): unknown {
  // Strings and numbers are most of a page: they leave first. Loops rather than map/entries,
  // because every row of every page passes through here.
  if (value === null || typeof value !== 'object') return value;
  // Fen exactly: through a number while it is exact (most amounts; ~6× cheaper than the decimal
  // string), else through the string.
  if (neo4j.isInt(value)) return key.endsWith('Fen') ? (value.inSafeRange() ? BigInt(value.toNumber()) : BigInt(value.toString())) : value.toNumber();
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plain(value[i], key);
    return out;
  }
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  // Nodes, relationships and maps: a non-null object that is no list is a map (isProps, no cast).
  if (!isProps(value)) return value;
  const source = value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source)) out[k] = plain(source[k], k);
  return out;
}

/** One column of every record, converted. */
export function column<T>(records: Neo4jRecord[], name: string): T[] {
  // Unchecked by design: T is what the named statement's RETURN projects (cypher/); row mappers check.
  return records.map((r) => plain(r.get(name), name) as T);
}

/** The record's columns as one plain object. */
export function row<T>(record: Neo4jRecord): T {
  // Unchecked by design: T is the statement's RETURN columns (cypher/), read as the statement projects them.
  return plain(record.toObject()) as T;
}

/** Values a statement returned in the order of `keys` (a projection), converted as if by name. */
export function zip(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A loop, as in plain(): every projected row passes through here. i < length, so key is there.
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== undefined) out[key] = plain(values[i], key);
  }
  return out;
}

/** plain() of a map a statement returns, checked to be a map (a statement bug throws, never casts). */
export function plainMap(value: unknown, what = 'value'): Props {
  const v = plain(value);
  if (isProps(v)) return v;
  throw new Error(`statement returned ${what} as ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}, expected a map`);
}

/** plain() of a list of maps, each checked. */
export function plainMaps(value: unknown, what = 'value'): Props[] {
  const v = plain(value);
  if (!Array.isArray(v)) throw new Error(`statement returned ${what} as ${v === null ? 'null' : typeof v}, expected a list of maps`);
  return v.map((x: unknown, i) => {
    if (isProps(x)) return x;
    throw new Error(`statement returned ${what}[${i}] as ${x === null ? 'null' : typeof x}, expected a map`);
  });
}
