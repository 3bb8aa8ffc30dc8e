// Ingest behind the API: one document at a time (loads of the same department would otherwise
// race on shared nodes), parsed in a worker thread, written in one transaction, and the answer
// cache cleared after a change.
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { loadParsed, removeDocument, type LoadReport } from '../load/loader.js';
import { parseOffThread } from '../load/parse-off-thread.js';
import type { ResponseCache } from './response-cache.js';

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
    return this.serial(async () => {
      const started = Date.now();
      const { doc, plan } = await parseOffThread(file, text);
      const report = await loadParsed(new QueryRunner(this.db), file, text, doc, { replace }, started, plan);
      if (report.status !== 'UNCHANGED') this.cache?.invalidate();
      return report;
    });
  }

  remove(file: string): Promise<boolean> {
    return this.serial(async () => {
      const removed = await removeDocument(new QueryRunner(this.db), file);
      if (removed) this.cache?.invalidate();
      return removed;
    });
  }
}
