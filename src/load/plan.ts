// Turns one parsed document into the rows each load statement UNWINDs. Pure: no I/O. The load's
// stages live in src/load/pipeline.ts, top to bottom: links (what the load decides: identity,
// units, code links, restatements, name variants) → plan-checks (plan-checks.ts) → rows (one
// mapper per record kind in src/load/plan/) → plan. buildPlan runs them for the loader and the
// parse worker.
import type { ParsedDocument } from '../parse/records.js';
import { LOAD_PIPELINE, type LoadPlan } from './pipeline.js';

export { slotListings } from './plan/slots.js';
export { contentHash, type LoadPlan } from './pipeline.js';

/** The load plan of a parsed document, from the text as stored (personal data redacted). */
export function buildPlan(doc: ParsedDocument, text: string): LoadPlan {
  return LOAD_PIPELINE.run({ doc, redaction: { text } }).plan;
}

/** What a plan's rows weigh as JSON: the measure of the room a load needs (loader.ts refuseWithoutRoom). */
export function planBytes(plan: LoadPlan): number {
  const { links: _links, diagnostics: _diagnostics, ...rows } = plan;
  return Buffer.byteLength(JSON.stringify(rows));
}
