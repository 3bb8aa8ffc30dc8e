// npm run load -- PATH… [--dry-run] [--replace] [--report DIR] [--verbose]: parse and load
// documents (files, or folders searched recursively), one transaction each, with a progress bar
// on a terminal (plain lines otherwise) and a run report (JSON and CSV).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { configOrExit, projectRoot } from '../config.js';
import { UTF8_BOM } from '../csv.js';
import { connect } from '../db/connection.js';
import { embeddedJvm, jitForLoad } from '../db/embedded-neo4j.js';
import { QueryRunner } from '../db/run.js';
import { applySchema, schemaActionText } from '../db/schema.js';
import { BudgetGraphError } from '../errors.js';
import { collectDocuments, loadFiles } from '../load/directory.js';
import { backfillDerived, writtenSummary } from '../load/loader.js';
import { refusedRow, reportCsv, reportRow, summarise, summaryLine, type RunReportRow } from '../load/run-report.js';
import { allocationLabel } from '../model/ids.js';
import { cliArgs } from './args.js';

const { values, positionals } = cliArgs({
  usage: 'npm run load -- PATH… [options]',
  about: 'Parses and loads budget documents into Neo4j, each in one transaction. A file already loaded with the same content is skipped (UNCHANGED), so a run stopped with Ctrl-C resumes where it stopped.',
  positionals: 'PATH: a document file (.txt, .pdf with a text layer, .html / .htm, .md) or a folder, searched recursively.',
  options: {
    'dry-run': { type: 'boolean', help: 'Parse and plan every file, write nothing.' },
    replace: { type: 'boolean', help: 'Supersede a document already loaded for the same department, year and kind.' },
    report: { type: 'string', value: 'DIR', help: 'Where the run report goes (load-<time>.json and .csv); default .data/reports.' },
    verbose: { type: 'boolean', help: 'Also print each project→code link the load decided.' },
  },
});

const { files, problems, skipped } = collectDocuments(positionals);
for (const p of problems) console.error(`error: ${p}`);
// A file of another kind in a folder (an Excel workbook beside the PDFs) is said, not loaded.
for (const s of skipped) console.error(`skipped: ${s}`);
if (files.length === 0) {
  console.error(positionals.length ? 'no document files found (.txt, .pdf, .html, .htm or .md)' : 'name at least one file or folder; see --help');
  process.exit(64);
}

const tty = process.stderr.isTTY === true;
// A MultiBar of one: it can print lines above the bar (log) while the bar keeps its ETA.
const bars = tty
  ? new cliProgress.MultiBar(
      { format: 'load [{bar}] {value}/{total} documents | {rate}/min | ETA {eta_formatted} | {failed} refused | {file}', barsize: 24, hideCursor: true, etaBuffer: 20, stream: process.stderr, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    )
  : null;
let bar: cliProgress.SingleBar | null = null;
const rows: RunReportRow[] = [];
const started = Date.now();
let failed = 0;
let exitCode = problems.length ? 1 : 0;
/** A line above the bar (the bar redraws below it), or a plain line when not on a terminal. */
const say = (line: string, error = false) => {
  if (bars) bars.log(`${line}\n`);
  else (error ? console.error : console.log)(line);
};
const progress = () => ({ rate: Math.round((rows.length / Math.max(Date.now() - started, 1)) * 60_000), failed, file: files[rows.length]?.replace(/^.*\//, '') ?? '' });

// A load that starts its own Neo4j exits when done: its JVM compiles quickly rather than for peak
// speed, unless the load is long enough for C2's code to pay back its compiling.
embeddedJvm.jit = jitForLoad(files.length);
const db = await connect(configOrExit().neo4j);
// SIGTERM / Ctrl-C: the document being written rolls back with its transaction; no further file starts.
const stop = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    bars?.stop();
    console.error(`${sig}: stopping after the current batch of documents (each document commits whole or not at all); run the same command again to resume`);
    stop.abort();
    setTimeout(() => process.exit(130), 15_000).unref();
  });
}
try {
  const changed: string[] = [];
  await applySchema(db, { onChange: (a) => changed.push(schemaActionText(a)) });
  if (changed.length) console.error(`schema: this process ${changed.join(', ')}`);
  const runner = new QueryRunner(db);
  // A graph loaded by an older version gets its derived totals, as at server start.
  await backfillDerived(runner);
  bar = bars?.create(files.length, 0, progress()) ?? null;
  let last = Date.now();
  await loadFiles(
    runner,
    files,
    { dryRun: values['dry-run'], replace: values.replace, keepReports: false },
    (r, i) => {
      rows.push(reportRow(r));
      last = Date.now();
      if (!bar) console.log(`${i + 1}/${files.length} ${r.file}: ${r.status} ${r.records} records, ${writtenSummary(r)}, ${r.ms} ms`);
      if (values.verbose) for (const l of r.plan?.codeLinks ?? []) say(`    ${String(l.method).padEnd(10)} ${String(l.code)} ← ${allocationLabel(String(l.allocationId))} (${String(l.note)})`);
      for (const d of r.parity) {
        exitCode = 1;
        say(`    error PARITY ${r.file}: ${d}`, true);
      }
      bar?.update(rows.length, progress());
    },
    (file, err, i) => {
      exitCode = 1;
      failed++;
      rows.push(refusedRow(file, err.code, err.message, Date.now() - last));
      last = Date.now();
      say(`${i + 1}/${files.length} ${file}: NOT LOADED (${err.code}) ${err.message}`, true);
      bar?.update(rows.length, progress());
    },
    stop.signal,
  );
  bars?.stop();
  if (stop.signal.aborted) exitCode = 130;
} catch (err) {
  bars?.stop();
  exitCode = 1;
  console.error(err instanceof BudgetGraphError ? `error ${err.code}: ${err.message}` : err);
} finally {
  await db.close();
}

const summary = summarise(rows, Date.now() - started);
const dir = resolve(values.report ?? join(projectRoot, '.data', 'reports'));
const stem = join(dir, `load-${new Date(started).toISOString().replace(/[:.]/g, '-')}`);
try {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${stem}.json`, `${JSON.stringify({ summary, files: rows }, null, 2)}\n`);
  writeFileSync(`${stem}.csv`, UTF8_BOM + reportCsv(rows));
  console.log(`${summaryLine(summary)}${files.length > rows.length ? `; ${files.length - rows.length} not started` : ''}\nreport: ${stem}.json, ${stem}.csv`);
} catch (err) {
  exitCode = exitCode || 1;
  console.error(`${summaryLine(summary)}\nthe report could not be written to ${dir}: ${err instanceof Error ? err.message : String(err)}`);
}
// exitCode, not exit(): exit() would cut off output still draining into a pipe.
process.exitCode = exitCode;
