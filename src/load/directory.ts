// Loads every document of a folder (.txt, .pdf, .html, .htm, .md: the bundled data/ at start-up,
// or the CLI's list).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { QueryRunner } from '../db/run.js';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';
import { resampleIndexes } from './index-statistics.js';
import { loadParsed, loadParsedBatch, planRows, type BatchDocument, type BatchOutcome, type LoadOptions, type LoadReport } from './loader.js';
import { OCR_LOAD_BUDGET_MS, PARSE_BUDGET_MS, parseWorkerCount, readOffThread } from './parse-off-thread.js';
import { isPdf, readSource, SOURCE_FILE, SOURCE_KINDS } from '../source/index.js';
import { keepOriginal, pruneOriginals } from './originals.js';
import type { Diagnostic } from '../parse/records.js';
import { refuseFileName, visibleName } from './file-name.js';
import { since, timed } from './phases.js';


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
  return listFolder(dir).files;
}

/**
 * A folder's document files (not its subfolders), in name order, and the other files it holds
 * with why they are not loaded: a spreadsheet or a Word file beside the PDFs is said, never
 * skipped without a word (#37: "the two Excel files in the folder are skipped without a word").
 * Hidden entries (.DS_Store, .git) are no one's documents and are not listed.
 */
export function listFolder(dir: string): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (DOCUMENT_FILE.test(name)) files.push(path);
    else if (!statSync(path).isDirectory()) skipped.push(notADocument(path));
  }
  return { files, skipped };
}

/** The files a document can be read from (src/source: texts, PDFs with a text layer, web pages, Markdown). */
export const DOCUMENT_FILE = SOURCE_FILE;

/** Why a file is not loaded, in a sentence. */
function notADocument(path: string): string {
  const kind = /\.(xlsx?|xlsm|ods|csv)$/i.test(path) ? 'a spreadsheet' : /\.(docx?|odt|rtf|wps)$/i.test(path) ? 'a word-processor file' : 'not a document file';
  return `${path}: ${kind}, not loaded (expected ${SOURCE_KINDS}${kind === 'not a document file' ? '' : ': load the PDF or web page the department published'})`;
}

/**
 * The document files named by paths: files as given, folders searched recursively (hidden
 * entries skipped), in path order, each once. A path that does not exist, or a file of another
 * kind named as such, is a problem with a sentence; a file of another kind found in a folder (an
 * Excel workbook beside the PDFs) is `skipped`, with a sentence too, never silently.
 */
export function collectDocuments(paths: string[]): { files: string[]; problems: string[]; skipped: string[] } {
  const files = new Set<string>();
  const problems: string[] = [];
  const skipped: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (DOCUMENT_FILE.test(name)) files.add(path);
      else skipped.push(notADocument(path));
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) problems.push(`${p}: no such file or folder`);
    else if (statSync(p).isDirectory()) walk(p);
    else if (DOCUMENT_FILE.test(p)) files.add(p);
    else problems.push(`${p}: not a document file (expected ${SOURCE_KINDS})`);
  }
  return { files: [...files], problems, skipped };
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
 * How many documents one write transaction may carry, and how many rows (a large document goes
 * alone: its transaction's size stays bounded by the caps, as before batching).
 */
export const BATCH_DOCUMENTS = 32;
export const BATCH_ROWS = 20_000;

/** The batch limits loadFiles uses (the bench's profile sets them to compare: 1 is one document a transaction). */
export const loadTuning = { batchDocuments: BATCH_DOCUMENTS, batchRows: BATCH_ROWS };

/** A file read and planned by a parse worker, or why it was not. */
type Parsed = { ok: true; item: BatchDocument; bytes: Uint8Array; rows: number } | { ok: false; error: unknown };

/**
 * Loads files, each atomically: new documents are written many to a transaction
 * (loader.ts loadParsedBatch: a failure rolls back the batch and its documents are loaded again
 * one by one, so a bad one fails alone), while the parse workers read and plan the next ones.
 * With `onBadFile`, a file that is not a readable document (or conflicts with one loaded) is
 * reported there and skipped, and the rest load; without it the first such file throws.
 * `onEach` and `onBadFile` are called in the order of `paths`. `signal` stops between batches.
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
  const parsing = new Map<number, Promise<Parsed>>();
  // Read ahead: the workers parse the next batch while this one is written. Bounded so memory
  // does not grow with the folder: at most two parses waiting per worker, and none started while
  // the parsed documents not yet written hold two batches' rows (large documents read ahead few).
  const { batchDocuments, batchRows } = loadTuning;
  const lookAhead = Math.max(2, batchDocuments * 2);
  const maxInFlight = 2 * parseWorkerCount();
  let next = 0;
  let at = 0;
  let inFlight = 0;
  let pendingRows = 0;
  const start = (k: number) => {
    inFlight++;
    parsing.set(
      k,
      parseFile(paths[k]!).then((parsed) => {
        inFlight--;
        if (parsed.ok) pendingRows += parsed.rows;
        parseAhead();
        return parsed;
      }),
    );
  };
  const parseAhead = () => {
    while (next < Math.min(paths.length, at + lookAhead) && inFlight < maxInFlight && pendingRows < 2 * batchRows && !signal?.aborted) start(next++);
  };
  const finish = async (i: number, report: LoadReport, bytes: Uint8Array) => {
    // A PDF's bytes are kept for its printed pages (src/load/originals.ts).
    const at = performance.now();
    if (report.status !== 'DRY_RUN' && isPdf(bytes)) await keepOriginal(runner, basename(paths[i]!), bytes);
    since('main: originals kept and pruned', at);
    if (options.keepReports !== false) reports.push(report);
    onEach(report, i);
  };
  const fail = async (i: number, err: unknown) => {
    // The database went away mid-load (a restart): the document rolled back whole; it is loaded
    // again on its own (with the waits loadOne makes), and the files after it follow.
    if (err instanceof ServiceUnavailableError && err.details.reason !== 'DISK_FULL') {
      const one = await loadOne(runner, paths[i]!, i, options, onBadFile, signal, restartWaitMs);
      if (one) await finish(i, one.report, one.bytes);
      return;
    }
    const skippable = err instanceof BudgetGraphError && (err.code === 'BAD_DOCUMENT' || err.code === 'CONFLICT' || err.details.reason === 'DISK_FULL');
    if (!onBadFile || !skippable) throw err;
    // Reported under its name made visible: a bidirectional control must not reorder the report.
    onBadFile(visibleName(basename(paths[i]!)), err, i);
  };

  let i = 0;
  while (i < paths.length && !signal?.aborted) {
    // The next batch: documents in order, up to BATCH_DOCUMENTS and BATCH_ROWS (one at least).
    const batch: { i: number; parsed: Parsed }[] = [];
    let rows = 0;
    while (i < paths.length && batch.length < batchDocuments) {
      at = i;
      parseAhead();
      // Nothing after it is parsing or parsed unwritten, so nothing holds it back.
      if (next === i) start(next++);
      const parsed = await timed('main: wait for the parse worker', () => parsing.get(i)!);
      const size = parsed.ok ? parsed.rows : 0;
      if (batch.length && rows + size > batchRows) break;
      parsing.delete(i);
      pendingRows -= size;
      batch.push({ i, parsed });
      rows += size;
      i++;
    }
    at = i;
    parseAhead();
    const good = batch.filter((b): b is { i: number; parsed: Extract<Parsed, { ok: true }> } => b.parsed.ok);
    let outcomes: BatchOutcome[];
    try {
      outcomes = await timed('main: load (reads + write transaction)', () => loadParsedBatch(runner, good.map((b) => b.parsed.item), options));
    } catch (err) {
      // The batch's reads failed (the database went away): each document on its own.
      outcomes = good.map(() => ({ error: err }));
    }
    const outcomeOf = new Map(good.map((b, k) => [b.i, outcomes[k]!]));
    for (const { i: at, parsed } of batch) {
      if (!parsed.ok) await fail(at, parsed.error);
      else {
        const outcome = outcomeOf.get(at)!;
        if (outcome.report) await finish(at, outcome.report, parsed.bytes);
        else await fail(at, outcome.error);
      }
    }
    // A replaced PDF's original goes (once a batch: it reads every document's).
    if (batch.some((b) => b.parsed.ok) && !options.dryRun) {
      const at = performance.now();
      try {
        await pruneOriginals(runner);
      } catch (err) {
        // The database went away after the batch committed: pruned after the next batch instead.
        if (!(err instanceof ServiceUnavailableError)) throw err;
      }
      since('main: originals kept and pruned', at);
    }
  }
  // The indexes this load filled are sampled again before its questions are planned.
  if (reports.some((r) => r.status === 'LOADED' || r.status === 'REPLACED')) await resampleIndexes(runner);
  return reports;
}

/** Reads and plans one file in a parse worker; never throws (the error is the result). */
async function parseFile(path: string): Promise<Parsed> {
  try {
    const started = Date.now();
    // Refused before the file is read: its name is what the graph and every report show.
    refuseFileName(basename(path));
    // The file's bytes are read (a PDF by pdf.js, within its caps) in the worker, under its budget.
    // A load from files has time to OCR every scanned page (a request has OCR's short default).
    const bytes = readFileSync(path);
    // Its digest in place of its records: nothing here reads them once the worker has planned it.
    const { doc, ...prepared } = await readOffThread(basename(path), bytes, PARSE_BUDGET_MS, [], OCR_LOAD_BUDGET_MS);
    return { ok: true, item: { file: basename(path), doc, prepared, started }, bytes, rows: planRows(prepared.plan).total };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * One file on its own transaction, waiting for a restarting database between attempts: the way
 * back for a document whose batch met the database gone. Null when it was reported bad.
 */
async function loadOne(
  runner: QueryRunner,
  path: string,
  i: number,
  options: LoadOptions,
  onBadFile: ((file: string, err: BudgetGraphError, index: number) => void) | undefined,
  signal: AbortSignal | undefined,
  restartWaitMs: number,
): Promise<{ report: LoadReport; bytes: Uint8Array } | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The database may be back by now, or not: wait for it before the first attempt too.
      if (!(await runner.answers())) await databaseBack(runner, restartWaitMs, signal);
      const parsed = await parseFile(path);
      if (!parsed.ok) throw parsed.error;
      const { item } = parsed;
      const report = await loadParsed(runner, item.file, item.prepared.text, item.doc, options, item.started, item.prepared);
      return { report, bytes: parsed.bytes };
    } catch (err) {
      if (err instanceof ServiceUnavailableError && err.details.reason !== 'DISK_FULL' && attempt < RESTART_ATTEMPTS && (await databaseBack(runner, restartWaitMs, signal))) continue;
      const skippable = err instanceof BudgetGraphError && (err.code === 'BAD_DOCUMENT' || err.code === 'CONFLICT' || err.details.reason === 'DISK_FULL');
      if (!onBadFile || !skippable) throw err;
      onBadFile(visibleName(basename(path)), err, i);
      return null;
    }
  }
}
