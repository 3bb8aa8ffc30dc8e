// Turns one parsed document into the rows each load statement UNWINDs. Pure: no I/O. The load's
// stages live in src/load/pipeline.ts, top to bottom: links (what the load decides: identity,
// units, code links, restatements, name variants) → plan-checks (plan-checks.ts) → rows (one
// mapper per record kind in src/load/plan/) → plan. buildPlan runs them for the loader and the
// parse worker.
import neo4j from 'neo4j-driver';
import type { ParsedDocument } from '../parse/records.js';
import { LOAD_PIPELINE, type LoadPlan } from './pipeline.js';

export { slotListings } from './plan/slots.js';
export { contentHash, type LoadPlan } from './pipeline.js';

/** The load plan of a parsed document, from the text as stored (personal data redacted). */
export function buildPlan(doc: ParsedDocument, text: string): LoadPlan {
  return LOAD_PIPELINE.run({ doc, redaction: { text } }).plan;
}

/**
 * What a plan's rows weigh as JSON, at most: the measure of the room a load needs (loader.ts
 * refuseWithoutRoom). Counted by a walk over the rows, not by writing the JSON (0.25-0.28 ms a
 * generated document went to JSON.stringify in the parse worker, the walk takes 0.06:
 * bench/RESULTS.md, seventh round, INGEST): a string's UTF-16 units at 3 bytes each (UTF-8 takes
 * at most 3 a unit, a surrogate pair 4 for two), or at 6 when it holds a control character or a
 * surrogate (escaped as \uXXXX: six bytes a unit); a number at 24, an Integer at 40 (its JSON is
 * {"low":…,"high":…}, 39 at most); keys with their quotes and separators. ~1.7x the JSON of a
 * generated document (mostly Chinese text at 3 bytes already), never less.
 */
export function planBytes(plan: LoadPlan): number {
  const { links: _links, diagnostics: _diagnostics, ...rows } = plan;
  return jsonBytesAtMost(rows);
}

/** What JSON writes as \uXXXX: control characters and surrogates (a lone one; a pair costs less). */
const ESCAPED_AS_SIX = /[\u0000-\u001f\ud800-\udfff]/;

function jsonBytesAtMost(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return (ESCAPED_AS_SIX.test(value) ? 6 : 3) * value.length + 2;
  if (typeof value !== 'object') return 24;
  if (Array.isArray(value)) {
    let n = 2;
    for (const v of value) n += jsonBytesAtMost(v) + 1;
    return n;
  }
  if (neo4j.isInt(value)) return 40;
  let n = 2;
  for (const key in value) n += 3 * key.length + 4 + jsonBytesAtMost(Reflect.get(value, key));
  return n;
}
