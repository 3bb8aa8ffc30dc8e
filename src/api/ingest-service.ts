// Ingest behind the API (the GraphQL mutation's text, /ingest's file): one document at a time (loads of the same department would otherwise
// race on shared nodes), parsed in a worker thread, written in one transaction, and the answer
// cache cleared after a change.
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { loadParsed, removeDocument, type LoadReport } from '../load/loader.js';
import { parseOffThread } from '../load/parse-off-thread.js';
import { keepOriginal, pruneOriginals } from '../load/originals.js';
import { DOCUMENT_CAPS } from '../load/document-caps.js';
import { fileNameProblem } from '../load/file-name.js';
import { BudgetGraphError } from '../errors.js';
import { MAX_PDF_BYTES, isPdf } from '../source/index.js';
import type { ResponseCache } from './response-cache.js';

/** The longest text ingest takes: the loader's cap on characters (src/load/document-caps.ts). */
export const MAX_DOCUMENT_CHARS = DOCUMENT_CAPS.chars;

/** The largest file /ingest takes: the largest file a source reads, a PDF (src/source/index.ts: a text is refused past its own, smaller cap). */
export const MAX_INGEST_BYTES = MAX_PDF_BYTES;

// For /ingest (ingest-http.ts), which reaches the write path through this module only.
export { isPdf };
export type { LoadReport };

/**
 * A new document's name holds no bidirectional control, invisible or control character
 * (src/load/file-name.ts): refused as a bad argument before anything is read. Removal does not
 * ask it, so a document loaded under such a name before this check can still be removed.
 */
function checkNewName(file: string): void {
  const problem = fileNameProblem(file);
  if (problem) throw new BudgetGraphError('BAD_USER_INPUT', problem, { argument: 'name', reason: 'FILE_NAME' });
}

export class IngestService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly cache: ResponseCache | null,
  ) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  ingest(file: string, text: string, replace: boolean): Promise<LoadReport> {
    checkNewName(file);
    return this.serial(async () => {
      const started = Date.now();
      const { doc, ...prepared } = await parseOffThread(file, text);
      const runner = new QueryRunner(this.db);
      const report = await loadParsed(runner, file, text, doc, { replace }, started, prepared);
      // A text that replaced a PDF: the PDF's original goes (src/load/originals.ts).
      await pruneOriginals(runner);
      if (report.status !== 'UNCHANGED') this.cache?.invalidate();
      return report;
    });
  }

  /**
   * A document's file — a PDF or a text — read in the parse worker (a PDF by pdf.js within its
   * caps, src/source/pdf/pdf-budget.ts, under the worker's time and heap budget) and loaded as
   * `ingest` loads a text: the same caps, one transaction, UNCHANGED for the same content again.
   */
  ingestFile(file: string, bytes: Uint8Array, replace: boolean): Promise<LoadReport> {
    checkNewName(file);
    return this.serial(async () => {
      const started = Date.now();
      const { doc, ...prepared } = await parseOffThread(file, bytes);
      const runner = new QueryRunner(this.db);
      const report = await loadParsed(runner, file, prepared.text, doc, { replace }, started, prepared);
      // A PDF's bytes are kept for its printed pages; what no document names any more goes.
      if (isPdf(bytes)) await keepOriginal(runner, file, bytes);
      await pruneOriginals(runner);
      if (report.status !== 'UNCHANGED') this.cache?.invalidate();
      return report;
    });
  }

  remove(file: string): Promise<boolean> {
    return this.serial(async () => {
      const runner = new QueryRunner(this.db);
      const removed = await removeDocument(runner, file);
      await pruneOriginals(runner);
      if (removed) this.cache?.invalidate();
      return removed;
    });
  }
}
