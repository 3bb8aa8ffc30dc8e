// A table reader's records appended to the document's lists of the same names (lines to lines,
// projects to projects …), with no cast: the lists are typed as one mapped type over the record
// types, so the compiler sees that the list under a key takes the records under the same key.
import { keysOf } from '../keys.js';
import type { TableRecords } from './readers/reader.js';

/** The record type each key of TableRecords lists. */
type ItemOf = { [K in keyof TableRecords]-?: NonNullable<TableRecords[K]>[number] };
/** The document's lists, one per key (ParsedDocument is one). */
type Lists = { [K in keyof ItemOf]: ItemOf[K][] };

function appendList<K extends keyof ItemOf>(doc: Lists, records: Partial<Lists>, key: K): void {
  const values = records[key];
  if (values) doc[key].push(...values);
}

/** Appends each list a reader returned to the document's list of that name, in the reader's key order. */
export function appendRecords(doc: Lists, records: TableRecords): void {
  for (const key of keysOf(records)) appendList(doc, records, key);
}
