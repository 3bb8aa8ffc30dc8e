// Worker thread entry: parses one document off the main thread, so a large or hostile text
// never stalls the requests the server is answering. Pure: text in, records (or the
// BadDocumentError's fields) out.
import { parentPort, workerData } from 'node:worker_threads';
import { parseDocument } from '../parse/index.js';
import { BadDocumentError } from '../errors.js';

const { file, text } = workerData as { file: string; text: string };
try {
  parentPort!.postMessage({ ok: true, doc: parseDocument(text, file) });
} catch (err) {
  if (err instanceof BadDocumentError) parentPort!.postMessage({ ok: false, bad: { file: err.file, line: err.line, expected: err.expected } });
  else parentPort!.postMessage({ ok: false, internal: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
}
