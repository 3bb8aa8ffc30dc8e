// Reads and plans documents in a worker thread with a time budget per document: the caller's
// event loop keeps serving, and a document that takes too long to read is refused instead of
// read forever. One worker is kept between documents (starting one costs ~0.8 s of module
// loading, more than reading most documents); a document over its budget or its memory ends
// that worker, and the next document gets a fresh one.
import { Worker } from 'node:worker_threads';
import neo4j from 'neo4j-driver';
import { BadDocumentError, BudgetGraphError } from '../errors.js';
import type { ParsedDocument } from '../parse/records.js';
import type { LoadPlan } from './plan.js';

/** A document read and planned, ready for its transaction. */
export interface PreparedDocument {
  doc: ParsedDocument;
  plan: LoadPlan;
}

export const PARSE_BUDGET_MS = 20_000;

// Under tsx or vitest this module is TypeScript and the worker goes through tsx's loader;
// compiled, both are .js.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './parse-worker-dev.mjs' : './parse-worker.js', import.meta.url);

type Reply = { id: number } & ({ ok: true; doc: ParsedDocument; plan: LoadPlan } | { ok: false; bad?: { file: string; line: number; expected: string; details: Record<string, unknown> }; internal?: string });

let worker: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function freshWorker(): Worker {
  const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
  // An idle worker never keeps the process alive.
  w.unref();
  w.once('exit', () => {
    if (worker === w) worker = null;
  });
  return w;
}

function retire(w: Worker): void {
  if (worker === w) worker = null;
  void w.terminate();
}

function runOne(file: string, text: string, budgetMs: number): Promise<PreparedDocument> {
  const w = (worker ??= freshWorker());
  const id = nextId++;
  return new Promise<PreparedDocument>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      w.unref();
      if (!keep) retire(w);
      fn();
    };
    const onMessage = (msg: Reply) => {
      if (msg.id !== id) return;
      settle(() => {
        if (msg.ok) resolve({ doc: msg.doc, plan: reviveIntegers(msg.plan) as LoadPlan });
        else if (msg.bad) reject(badDocument(msg.bad));
        else reject(new Error(`parse worker failed: ${msg.internal}`));
      }, true);
    };
    const onError = (err: Error) =>
      settle(() => reject(err.name === 'ERR_WORKER_OUT_OF_MEMORY' ? new BudgetGraphError('BAD_DOCUMENT', `${file}: the document needs more memory to read than one document may use; split it.`, { file, reason: 'PARSE_BUDGET' }) : err), false);
    const onExit = (code: number) => settle(() => reject(new Error(`parse worker exited with code ${code}`)), false);
    const timer = setTimeout(
      () => settle(() => reject(new BudgetGraphError('BAD_DOCUMENT', `${file}: reading the document took longer than ${budgetMs / 1000} s; split it, or check that it is the text of one budget document.`, { file, reason: 'PARSE_BUDGET' })), false),
      budgetMs,
    );
    w.on('message', onMessage);
    w.once('error', onError);
    w.once('exit', onExit);
    // Referenced while it works: the process waits for the document it asked for.
    w.ref();
    w.postMessage({ id, file, text });
  });
}

/** The worker's refusal as the error it was there, its details (a cap's limit and count) kept. */
function badDocument(bad: { file: string; line: number; expected: string; details: Record<string, unknown> }): BadDocumentError {
  const err = new BadDocumentError(bad.file, bad.line, bad.expected);
  Object.assign(err.details, bad.details);
  return err;
}

/**
 * The plan's exact integers (fen, line numbers) are neo4j Integers; a structured clone across
 * the thread boundary keeps their fields ({low, high}) but not their class, which the driver
 * needs to send them as integers. Nothing else in a plan has exactly those two fields.
 */
export function reviveIntegers(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveIntegers(value[i]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o.low === 'number' && typeof o.high === 'number') return neo4j.int({ low: o.low, high: o.high });
  for (const k of keys) o[k] = reviveIntegers(o[k]);
  return o;
}

/** Reads and plans one document in the worker (documents queue: one at a time). */
export function parseOffThread(file: string, text: string, budgetMs = PARSE_BUDGET_MS): Promise<PreparedDocument> {
  const next = queue.then(() => runOne(file, text, budgetMs));
  queue = next.catch(() => undefined);
  return next;
}
