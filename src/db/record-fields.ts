// Typed reads of one field of a driver record (what a statement RETURNs). The driver types every
// field `any`, so `record.get('x') as string` would trust the statement unchecked; these check the
// value and say which field of which statement was not what the caller reads, so a statement and
// its reader cannot drift silently.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { BudgetGraphError } from '../errors.js';

function unexpected(record: Neo4jRecord, key: string, want: string, got: unknown): never {
  const was = got === null ? 'null' : Array.isArray(got) ? 'a list' : typeof got;
  throw new BudgetGraphError('INTERNAL', `a statement returned ${key} as ${was} where the code reads ${want} (fields: ${record.keys.join(', ')})`, { field: key });
}

/** A text field; absent from the record or null is refused. */
export function textField(record: Neo4jRecord, key: string): string {
  const v: unknown = record.has(key) ? record.get(key) : undefined;
  return typeof v === 'string' ? v : unexpected(record, key, 'a text', v);
}

/** A text field that may be null (a property never set); a record without the field is refused. */
export function textOrNullField(record: Neo4jRecord, key: string): string | null {
  const v: unknown = record.has(key) ? record.get(key) : undefined;
  return v === null ? null : typeof v === 'string' ? v : unexpected(record, key, 'a text or null', v);
}

/** A list of texts; anything else in it (a null, a number) is refused. */
export function textsField(record: Neo4jRecord, key: string): string[] {
  const v: unknown = record.has(key) ? record.get(key) : undefined;
  if (!Array.isArray(v)) return unexpected(record, key, 'a list of texts', v);
  const out: string[] = [];
  for (const x of v) out.push(typeof x === 'string' ? x : unexpected(record, key, 'a list of texts', x));
  return out;
}
