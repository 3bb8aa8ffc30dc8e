// Runs parseDocument in a worker thread with a time budget: the caller's event loop keeps
// serving, and a document that takes too long to read is refused instead of read forever.
import { Worker } from 'node:worker_threads';
import { BadDocumentError, BudgetGraphError } from '../errors.js';
import type { ParsedDocument } from '../parse/records.js';

export const PARSE_BUDGET_MS = 20_000;

// Under tsx or vitest this module is TypeScript and the worker goes through tsx's loader;
// compiled, both are .js.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './parse-worker-dev.mjs' : './parse-worker.js', import.meta.url);

export function parseOffThread(file: string, text: string, budgetMs = PARSE_BUDGET_MS): Promise<ParsedDocument> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { file, text },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => settle(() => reject(new BudgetGraphError('BAD_DOCUMENT', `${file}: reading the document took longer than ${budgetMs / 1000} s; split it, or check that it is the text of one budget document.`, { file, reason: 'PARSE_BUDGET' }))),
      budgetMs,
    );
    worker.once('message', (msg: { ok: true; doc: ParsedDocument } | { ok: false; bad?: { file: string; line: number; expected: string }; internal?: string }) =>
      settle(() => {
        if (msg.ok) resolve(msg.doc);
        else if (msg.bad) reject(new BadDocumentError(msg.bad.file, msg.bad.line, msg.bad.expected));
        else reject(new Error(`parse worker failed: ${msg.internal}`));
      }),
    );
    worker.once('error', (err) => settle(() => reject(err.name === 'ERR_WORKER_OUT_OF_MEMORY' ? new BudgetGraphError('BAD_DOCUMENT', `${file}: the document needs more memory to read than one document may use; split it.`, { file, reason: 'PARSE_BUDGET' }) : err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`parse worker exited with code ${code}`))));
  });
}
