// Reads and plans documents in a worker thread with a time budget per document: the caller's
// event loop keeps serving, and a document that takes too long to read is refused instead of
// read forever. One worker is kept between documents (starting one costs ~0.8 s of module
// loading, more than reading most documents); a document over its budget or its memory ends
// that worker, and the next document gets a fresh one.
//
// One bad file is one bad file (issue #36): whatever the worker does on a document — refuses it,
// replies that the parser failed inside, dies of an exception, exits, runs out of its heap, runs
// past the budget — the document's promise rejects with that document's BadDocumentError (file,
// `reason`), which `npm run load` and the start-up load report and skip (directory.ts) and ingest
// answers as a 400. What the user reads says what happened and what to do; the stack goes to the
// log. A worker that died is replaced by the next document.
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { Integer } from 'neo4j-driver';
import { BadDocumentError } from '../errors.js';
import type { Diagnostic, ParsedDocument } from '../parse/records.js';
import type { LoadPlan } from './plan.js';
import type { Prepared } from './loader.js';
import { readDigest, type ReadDigest } from './parity.js';
import type { LinePlace } from '../source/index.js';
import { OCR_BUDGET_MS } from '../source/ocr/index.js';
import { phaseRecorder } from './phases.js';

/** A document read and planned, ready for its transaction. */
export interface PreparedDocument extends Prepared {
  doc: ParsedDocument;
}

/** The same, with the document's digest in place of its records (readOffThread): all a load from files reads of them. */
export interface PreparedRead extends Prepared {
  doc: ReadDigest;
}

export const PARSE_BUDGET_MS = 20_000;

/**
 * The time OCR may take on a PDF's scanned pages, on top of PARSE_BUDGET_MS: OCR waits on
 * tesseract processes (each with its own time limit, src/source/ocr), not on the parser. A request
 * (ingest) keeps OCR's short default, so an upload answers within seconds and names the scanned
 * pages it had no time for; a load from files (`npm run load`, the start-up load) has time for
 * every page OCR reads (OCR_MAX_PAGES, 30) at ~7 s a page on a busy core.
 */
export const OCR_REQUEST_BUDGET_MS = OCR_BUDGET_MS;
export const OCR_LOAD_BUDGET_MS = 240_000;

/** The heap one document may use while it is read and planned (a worker past it is ended). */
export const PARSE_HEAP_MB = 512;

// Under tsx or vitest this module is TypeScript and the worker goes through tsx's loader;
// compiled, both are .js.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './parse-worker-dev.mjs' : './parse-worker.js', import.meta.url);

/** A refusal as the worker sends it (a BadDocumentError's fields). */
type Refusal = { file: string; line: number; expected: string; page?: number; details: Record<string, unknown> };

type Reply = { id: number } & ({ ocrStarted: true; ok?: undefined } | { ok: true; doc: ParsedDocument | ReadDigest; plan: LoadPlan; text: string; planBytes: number; places: LinePlace[] | null; timings?: Record<string, number> } | { ok: false; bad?: Refusal; internal?: string; stack?: string });

/** What a parser's failure tells the user: nothing of its internals, the way on. */
const STOPPED = (what: string) => `the parser stopped on this document (${what}); the other documents load; report it with the file`;

export interface ParseWorkerPoolOptions {
  /** The worker's limits; default a heap of PARSE_HEAP_MB. */
  resourceLimits?: ResourceLimits;
  /** Where a failure's internals go (stack, exit code); default stderr, as the server logs. */
  log?: (message: string) => void;
}

/** One worker, documents queued through it one at a time, replaced when it dies. */
export class ParseWorkerPool {
  private worker: Worker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly resourceLimits: ResourceLimits;
  private readonly log: (message: string) => void;

  constructor(options: ParseWorkerPoolOptions = {}) {
    this.resourceLimits = options.resourceLimits ?? { maxOldGenerationSizeMb: PARSE_HEAP_MB };
    this.log = options.log ?? ((m) => console.error(`budget-graph: ${m}`));
  }

  /**
   * Reads and plans one document in the worker (documents queue: one at a time). `input`: its
   * text, or its file's bytes (a PDF or a text file, read in the worker by src/source: a PDF's
   * reading is under the same budget). `notes`: diagnostics the caller has already, kept as the
   * document's (parseDocument).
   */
  parse(file: string, input: string | Uint8Array, budgetMs = PARSE_BUDGET_MS, notes: readonly Diagnostic[] = [], ocrBudgetMs = OCR_REQUEST_BUDGET_MS): Promise<PreparedDocument> {
    return this.queued(file, input, budgetMs, notes, ocrBudgetMs, false).then(({ doc, ...prepared }) => {
      if ('digest' in doc) throw new Error(`${file}: the parse worker sent a digest for a whole document`);
      return { doc, ...prepared };
    });
  }

  /** As parse, the document's digest in place of its records: what a load from files needs of them once planned. */
  read(file: string, input: string | Uint8Array, budgetMs = PARSE_BUDGET_MS, notes: readonly Diagnostic[] = [], ocrBudgetMs = OCR_REQUEST_BUDGET_MS): Promise<PreparedRead> {
    return this.queued(file, input, budgetMs, notes, ocrBudgetMs, true).then(({ doc, ...prepared }) => ({ doc: readDigest(doc), ...prepared }));
  }

  private queued(file: string, input: string | Uint8Array, budgetMs: number, notes: readonly Diagnostic[], ocrBudgetMs: number, digest: boolean): Promise<Prepared & { doc: ParsedDocument | ReadDigest }> {
    const next = this.queue.then(() => this.runOne(file, input, budgetMs, notes, ocrBudgetMs, digest));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the worker (the process never waits for an idle one; tests close their own pools). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private freshWorker(): Worker {
    const w = new Worker(workerUrl, { resourceLimits: this.resourceLimits });
    // An idle worker never keeps the process alive.
    w.unref();
    // Whenever it ends, the next document gets a fresh one. An error with no document waiting
    // (none is expected) is logged here, never an uncaught 'error' event in the caller's thread.
    w.on('error', (err) => {
      if (this.worker === w) this.worker = null;
      if (w.listenerCount('error') === 1) this.log(`parse worker ended between documents: ${err.stack ?? String(err)}`);
    });
    w.once('exit', () => {
      if (this.worker === w) this.worker = null;
    });
    return w;
  }

  private retire(w: Worker): void {
    if (this.worker === w) this.worker = null;
    void w.terminate();
  }

  private runOne(file: string, input: string | Uint8Array, budgetMs: number, notes: readonly Diagnostic[], ocrBudgetMs: number, digest: boolean): Promise<Prepared & { doc: ParsedDocument | ReadDigest }> {
    const w = (this.worker ??= this.freshWorker());
    const id = this.nextId++;
    return new Promise<Prepared & { doc: ParsedDocument | ReadDigest }>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        w.unref();
        if (!keep) this.retire(w);
        fn();
      };
      const onMessage = (msg: Reply) => {
        if (msg.id !== id) return;
        // The PDF has scanned pages and OCR begins: it gets its own time on top of the budget.
        if ('ocrStarted' in msg) {
          ocr = true;
          clearTimeout(timer);
          timer = setTimeout(overBudget, budgetMs - (Date.now() - started) + ocrBudgetMs);
          return;
        }
        // An internal failure was caught in the worker, which stays usable.
        settle(() => {
          if (msg.ok) {
            const prof = phaseRecorder();
            if (prof) for (const [name, ms] of Object.entries(msg.timings ?? {})) prof.add(name, ms);
          }
          if (msg.ok) resolve({ doc: msg.doc, plan: reviveIntegers(msg.plan), text: msg.text, planBytes: msg.planBytes, places: msg.places });
          else if (msg.bad) reject(badDocument(msg.bad));
          else {
            this.log(`parse worker: ${file}: the parser failed: ${msg.stack ?? msg.internal}`);
            reject(BadDocumentError.ofDocument(file, STOPPED('an internal error'), 'PARSER_FAILED'));
          }
        }, true);
      };
      const onError = (err: Error & { code?: string }) =>
        settle(() => {
          this.log(`parse worker: ${file}: the worker ended: ${err.stack ?? String(err)}`);
          if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
            const mb = this.resourceLimits.maxOldGenerationSizeMb;
            reject(BadDocumentError.ofDocument(file, `reading this document needed more than the ${mb ? `${mb} MB of ` : ''}memory one document may use; the parser stopped on it, the other documents load; split the document, or report it with the file if it is one ordinary budget document`, 'PARSER_OUT_OF_MEMORY'));
          } else reject(BadDocumentError.ofDocument(file, STOPPED('its worker crashed'), 'PARSER_FAILED'));
        }, false);
      const onExit = (code: number) =>
        settle(() => {
          this.log(`parse worker: ${file}: the worker exited with code ${code} before it replied`);
          reject(BadDocumentError.ofDocument(file, STOPPED(`its worker exited with code ${code}`), 'PARSER_FAILED'));
        }, false);
      const overBudget = () => settle(() => reject(BadDocumentError.ofDocument(file, `reading the document took longer than ${budgetMs / 1000} s${ocr ? ` (and ${ocrBudgetMs / 1000} s of OCR)` : ''}; split it, or check that it is the text of one budget document.`, 'PARSE_BUDGET')), false);
      let ocr = false;
      const started = Date.now();
      let timer = setTimeout(overBudget, budgetMs);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      // Referenced while it works: the process waits for the document it asked for.
      w.ref();
      w.postMessage(typeof input === 'string' ? { id, file, text: input, notes, digest } : { id, file, bytes: input, notes, ocrBudgetMs, digest });
    });
  }
}

/** The worker's refusal as the error it was there, its details (a cap's limit and count) kept. */
function badDocument(bad: Refusal): BadDocumentError {
  const err = new BadDocumentError(bad.file, bad.line, bad.expected, bad.page);
  Object.assign(err.details, bad.details);
  return err;
}

/**
 * The plan's exact integers (fen, line numbers) are neo4j Integers; a structured clone across
 * the thread boundary keeps their fields ({low, high}) but not their class, which the driver
 * needs to send them as integers. Nothing else in a plan has exactly those two fields.
 */
export function reviveIntegers<T extends object>(value: T): T {
  revived(value);
  return value;
}

/**
 * A value with its integers revived, in place (the clone is the worker's own copy): an Integer for
 * {low, high}, the same object or array otherwise. It walks every row of every plan on the thread
 * that writes, so it allocates nothing on the way (no Object.keys or entries a row, which cost
 * ~0.15-0.25 ms a generated document more: bench/RESULTS.md, seventh round, INGEST) and steps over
 * primitives.
 */
function revived(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') value[i] = revived(v);
    }
    return value;
  }
  if (!isRecord(value)) return value;
  const { low, high } = value;
  if (typeof low === 'number' && typeof high === 'number' && keyCount(value) === 2) return new Integer(low, high);
  for (const key in value) {
    const v = value[key];
    if (v !== null && typeof v === 'object') value[key] = revived(v);
  }
  return value;
}

/** A structured clone's plain object (the only objects a clone of a plan holds besides arrays). */
function isRecord(value: object): value is Record<string, unknown> {
  return Object.getPrototypeOf(value) === Object.prototype;
}

function keyCount(value: object): number {
  let n = 0;
  for (const _ in value) n++;
  return n;
}

/**
 * Several workers (issue 41 item 2), each a ParseWorkerPool of one with its caps, its budget and
 * its replacement when it dies: a document goes to the worker with the fewest waiting, so a folder
 * load parses the next documents on every core while the graph writes the last ones.
 */
export class ParseWorkers {
  private readonly workers: { pool: ParseWorkerPool; waiting: number }[];

  constructor(size = parseWorkerCount(), options: ParseWorkerPoolOptions = {}) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => ({ pool: new ParseWorkerPool(options), waiting: 0 }));
  }

  get size(): number {
    return this.workers.length;
  }

  parse(file: string, input: string | Uint8Array, budgetMs = PARSE_BUDGET_MS, notes: readonly Diagnostic[] = [], ocrBudgetMs = OCR_REQUEST_BUDGET_MS): Promise<PreparedDocument> {
    const w = this.workers.reduce((a, b) => (b.waiting < a.waiting ? b : a));
    w.waiting++;
    return w.pool.parse(file, input, budgetMs, notes, ocrBudgetMs).finally(() => w.waiting--);
  }

  read(file: string, input: string | Uint8Array, budgetMs = PARSE_BUDGET_MS, notes: readonly Diagnostic[] = [], ocrBudgetMs = OCR_REQUEST_BUDGET_MS): Promise<PreparedRead> {
    const w = this.workers.reduce((a, b) => (b.waiting < a.waiting ? b : a));
    w.waiting++;
    return w.pool.read(file, input, budgetMs, notes, ocrBudgetMs).finally(() => w.waiting--);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.pool.close()));
  }
}

/**
 * How many parse workers: the cores (os.availableParallelism()) less one for the thread that
 * writes and answers, at least one, at most PARSE_WORKERS_MAX (each may hold PARSE_HEAP_MB).
 */
export const PARSE_WORKERS_MAX = 4;
export function parseWorkerCount(cores = availableParallelism()): number {
  return Math.min(PARSE_WORKERS_MAX, Math.max(1, cores - 1));
}

/** The workers the loader, the start-up load and ingest share. */
const shared = new ParseWorkers();

/** Reads and plans one document (its text, or its file's bytes) in the shared workers (the least busy takes it). */
export function parseOffThread(file: string, input: string | Uint8Array, budgetMs = PARSE_BUDGET_MS, notes: readonly Diagnostic[] = [], ocrBudgetMs = OCR_REQUEST_BUDGET_MS): Promise<PreparedDocument> {
  return shared.parse(file, input, budgetMs, notes, ocrBudgetMs);
}

/**
 * As parseOffThread, the document's digest (parity.ts ReadDigest) in place of its records: the
 * load from files (directory.ts) reads nothing else of them once the worker has planned it, and
 * the records were a third of the reply the writing thread deserialises.
 */
export function readOffThread(file: string, input: string | Uint8Array, budgetMs = PARSE_BUDGET_MS, notes: readonly Diagnostic[] = [], ocrBudgetMs = OCR_REQUEST_BUDGET_MS): Promise<PreparedRead> {
  return shared.read(file, input, budgetMs, notes, ocrBudgetMs);
}
