// Worker thread entry: reads one document at a time and plans its load off the main thread, so
// a large or hostile text never stalls the requests the server is answering (a 40,000-row table
// took 2.5 s to parse and 1.7 s to plan). Pure: text in, records and load plan (or the
// BadDocumentError's fields) out.
import { parentPort } from 'node:worker_threads';
import { documentText, parseDocument } from '../parse/index.js';
import { BadDocumentError } from '../errors.js';
import { buildPlan } from './plan.js';
import { refuseOversizedRecords, refuseOversizedText } from './document-caps.js';

parentPort!.on('message', ({ id, file, text }: { id: number; file: string; text: string }) => {
  try {
    // Over a cap: refused in milliseconds, before the parse (document-caps.ts).
    refuseOversizedText(text, file);
    const doc = parseDocument(text, file);
    // A table run together on one line is no tab row: what it gave is counted before planning.
    refuseOversizedRecords(doc, file);
    parentPort!.postMessage({ id, ok: true, doc, plan: buildPlan(doc, documentText(text, file)) });
  } catch (err) {
    if (err instanceof BadDocumentError) parentPort!.postMessage({ id, ok: false, bad: { file: err.file, line: err.line, expected: err.expected, details: err.details } });
    else parentPort!.postMessage({ id, ok: false, internal: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
