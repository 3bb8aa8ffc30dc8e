// Worker thread entry: reads one document at a time and plans its load off the main thread, so
// a large or hostile text or PDF never stalls the requests the server is answering (a 40,000-row
// table took 2.5 s to parse and 1.7 s to plan; a PDF bomb held the main thread 28 s). Pure: text
// or a file's bytes in, records and load plan (or the BadDocumentError's fields) out.
import { parentPort } from 'node:worker_threads';
import { documentText } from '../parse/index.js';
import { parseWithCellsRead } from '../parse/cells-read.js';
import { BadDocumentError } from '../errors.js';
import type { Diagnostic } from '../parse/records.js';
import { buildPlan, planBytes } from './plan.js';
import { readDigest } from './parity.js';
import { refuseOversizedRecords, refuseOversizedText } from './document-caps.js';
import { readSource } from '../source/index.js';
import { withCellsRead } from './places.js';

/** One document: its text, or the bytes of its file (a PDF or a text file, read here by src/source). */
interface Request {
  id: number;
  file: string;
  text?: string;
  bytes?: Uint8Array;
  notes?: Diagnostic[];
  /** The time OCR may take on the PDF's scanned pages (parse-off-thread.ts says who gets how much). */
  ocrBudgetMs?: number;
  /** Send the document's digest (parity.ts ReadDigest) in place of its records (parse-off-thread.ts readOffThread). */
  digest?: boolean;
}

parentPort!.on('message', (request: Request) => {
  void readOne(request);
});

async function readOne({ id, file, text: given, bytes, notes, ocrBudgetMs, digest }: Request): Promise<void> {
  try {
    // A file's bytes are read here, PDF included, under this worker's budget of time and heap and
    // pdf.js's own caps (src/source/pdf/pdf-budget.ts), never on the thread that serves requests.
    // OCR's time is its own: the pool is told when it starts, and extends this document's budget.
    const onStart = () => parentPort!.postMessage({ id, ocrStarted: true });
    // Where the time went (src/load/phases.ts): a few clock readings, sent with the reply.
    let at = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = now - at;
      at = now;
    };
    // A text file over a cap is refused before its printed document is built (the model of a text
    // near the source's 16 MiB byte cap would not fit the worker's heap).
    const checkText = (decoded: string) => refuseOversizedText(decoded, file);
    const source = bytes ? await readSource(bytes, file, { ocr: { ...(ocrBudgetMs === undefined ? {} : { budgetMs: ocrBudgetMs }), onStart }, checkText }) : null;
    const text = source?.text ?? given ?? '';
    lap('worker: read source');
    // Test only (below): a fault that sends no reply. Read from the text, whether it came as text
    // (ingest) or as a file's bytes (npm run load and the start-up load).
    if (TEST_FAULTS && testFault(text)) return;
    // Over a cap: refused in milliseconds, before the parse (document-caps.ts).
    refuseOversizedText(text, file);
    // A file's printed document (src/source/printed.ts) is what the parser reads its cells from,
    // with their boxes and spans (a header cell's real span labels its columns, #37); a text given
    // as such is read as the text source reads one. With it, the cells each line's records read
    // (src/parse/cells-read.ts), stored with the places.
    const { doc, cellsRead, recordCells } = parseWithCellsRead(source?.printed ?? text, file, [...(notes ?? []), ...(source?.notes ?? [])]);
    // A table run together on one line is no tab row: what it gave is counted before planning.
    refuseOversizedRecords(doc, file);
    lap('worker: parse');
    // The text as stored and the plan's weight go back too: not redone on the request thread.
    const stored = documentText(text, file);
    const plan = buildPlan(doc, stored);
    lap('worker: redact and plan');
    const weight = planBytes(plan);
    lap('worker: plan weighed (JSON)');
    // Where each line is printed (a PDF's pages and boxes, a text's form-feed pages) goes with the
    // text to be stored beside it: redaction keeps the lines, so line n is still places[n - 1].
    parentPort!.postMessage({ id, ok: true, doc: digest ? readDigest(doc) : doc, plan, text: stored, planBytes: weight, places: withCellsRead(source?.places ?? null, cellsRead, recordCells), timings });
  } catch (err) {
    if (err instanceof BadDocumentError) parentPort!.postMessage({ id, ok: false, bad: { file: err.file, line: err.line, expected: err.expected, page: err.page, message: err.message, details: err.details } });
    // Not the document's fault as far as the parser knows: what happened, and the stack for the log.
    else parentPort!.postMessage({ id, ok: false, internal: err instanceof Error ? `${err.name}: ${err.message}` : String(err), stack: err instanceof Error ? err.stack : undefined });
  }
}

// TEST ONLY. With BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS=1 in its environment (set by tests, never
// by the server or the CLIs), a text whose first line is `PARSE-WORKER-TEST-FAULT: <kind>` makes
// this worker fail the ways a parser can, for real: `exit` (the thread ends, code 70), `throw` (an
// exception outside any handler: the worker's error event), `oom` (allocates past its heap limit:
// ERR_WORKER_OUT_OF_MEMORY), `internal` (an exception that is not a BadDocumentError: an `internal`
// reply). Without the variable such a text is an ordinary document. Tests:
// tests/unit/parse-worker-crash.test.ts, tests/integration/parse-worker-crash.test.ts.
const TEST_FAULTS = process.env.BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS === '1';

/** Acts out the fault the text asks for; true when the worker is to send no reply. */
function testFault(text: string): boolean {
  const kind = /^PARSE-WORKER-TEST-FAULT: (\w+)/.exec(text)?.[1];
  if (kind === 'exit') process.exit(70);
  if (kind === 'throw') {
    setImmediate(() => {
      throw new Error('test fault: an exception outside any handler');
    });
    return true;
  }
  if (kind === 'oom') {
    const held: number[][] = [];
    for (;;) held.push(new Array<number>(1_000_000).fill(held.length));
  }
  if (kind === 'internal') throw new TypeError("test fault: Cannot read properties of undefined (reading 'cells')");
  return false;
}
