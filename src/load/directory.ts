// Loads every document of a folder (.txt, .pdf: the bundled data/ at start-up, or the CLI's list).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { QueryRunner } from '../db/run.js';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';
import { loadParsed, type LoadOptions, type LoadReport } from './loader.js';
import { OCR_LOAD_BUDGET_MS, PARSE_BUDGET_MS, parseOffThread } from './parse-off-thread.js';
import { isPdf, readSource } from '../source/index.js';
import { keepOriginal, pruneOriginals } from './originals.js';
import type { Diagnostic } from '../parse/records.js';
import { refuseFileName, visibleName } from './file-name.js';


/** How long a load waits for a restarting database before giving up, and how often it tries a file. */
const RESTART_WAIT_MS = 180_000;
const RESTART_ATTEMPTS = 4;

/** Polls until the database answers (true), the wait is over or the load is stopped (false). */
async function databaseBack(runner: QueryRunner, waitMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && !signal?.aborted) {
    if (await runner.answers()) return true;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}

export function listDocuments(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => DOCUMENT_FILE.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The files a document can be read from (src/source: text renderings and PDFs with a text layer). */
export const DOCUMENT_FILE = /\.(txt|pdf)$/i;

/**
 * The document files named by paths: files as given, folders searched recursively (hidden
 * entries skipped), in path order, each once. A path that does not exist, or a file of another
 * kind, is a problem with a sentence, not a silent skip.
 */
export function collectDocuments(paths: string[]): { files: string[]; problems: string[] } {
  const files = new Set<string>();
  const problems: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (DOCUMENT_FILE.test(name)) files.add(path);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) problems.push(`${p}: no such file or folder`);
    else if (statSync(p).isDirectory()) walk(p);
    else if (DOCUMENT_FILE.test(p)) files.add(p);
    else problems.push(`${p}: not a document file (expected .txt or .pdf)`);
  }
  return { files: [...files], problems };
}

/** A file's canonical text: the text itself, or the PDF's rendering (src/source). */
export async function readDocumentText(path: string): Promise<string> {
  return (await readSource(readFileSync(path), basename(path))).text;
}

/** The text of a file and what its source said about reading it (a PDF's page notes). */
export async function readDocument(path: string): Promise<{ text: string; notes: Diagnostic[] }> {
  const source = await readSource(readFileSync(path), basename(path));
  return { text: source.text, notes: source.notes };
}

/**
 * Loads files one by one, each in its own transaction. With `onBadFile`, a file that is not a
 * readable document (or conflicts with one loaded) is reported there and skipped, and the rest
 * load; without it the first such file throws. `signal` stops between files.
 */
export async function loadFiles(
  runner: QueryRunner,
  paths: string[],
  options: LoadOptions = {},
  onEach: (report: LoadReport, index: number) => void = () => undefined,
  onBadFile?: (file: string, err: BudgetGraphError, index: number) => void,
  signal?: AbortSignal,
  restartWaitMs = RESTART_WAIT_MS,
): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const [i, path] of paths.entries()) {
    if (signal?.aborted) break;
    for (let attempt = 1; ; attempt++) {
      try {
        // Read and planned in the worker, under the same budget as the API's ingest.
        const started = Date.now();
        // Refused before the file is read: its name is what the graph and every report show.
        refuseFileName(basename(path));
        // The file's bytes are read (a PDF by pdf.js, within its caps) in the worker, under its budget.
        // A load from files has time to OCR every scanned page (a request has OCR's short default).
        const bytes = readFileSync(path);
        const { doc, ...prepared } = await parseOffThread(basename(path), bytes, PARSE_BUDGET_MS, [], OCR_LOAD_BUDGET_MS);
        const report = await loadParsed(runner, basename(path), prepared.text, doc, options, started, prepared);
        // A PDF's bytes are kept for its printed pages (src/load/originals.ts); a replaced one's go.
        if (report.status !== 'DRY_RUN') {
          if (isPdf(bytes)) await keepOriginal(runner, basename(path), bytes);
          await pruneOriginals(runner);
        }
        reports.push(report);
        onEach(report, i);
        break;
      } catch (err) {
        // The database went away mid-load (a restart): this document rolled back whole; once the
        // database answers again it is loaded again, and the files after it follow.
        if (err instanceof ServiceUnavailableError && err.details.reason !== 'DISK_FULL' && attempt < RESTART_ATTEMPTS && (await databaseBack(runner, restartWaitMs, signal))) continue;
        const skippable = err instanceof BudgetGraphError && (err.code === 'BAD_DOCUMENT' || err.code === 'CONFLICT' || err.details.reason === 'DISK_FULL');
        if (!onBadFile || !skippable) throw err;
        // Reported under its name made visible: a bidirectional control must not reorder the report.
        onBadFile(visibleName(basename(path)), err, i);
        break;
      }
    }
  }
  return reports;
}
