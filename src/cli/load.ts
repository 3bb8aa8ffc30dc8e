// npm run load -- data/*.txt [--dry-run]: parse and load documents, one transaction each.
import { neo4jSettings } from '../config.js';
import { connect } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { applySchema } from '../db/schema.js';
import { BudgetGraphError } from '../errors.js';
import { loadFiles } from '../load/directory.js';
import { backfillDerived } from '../load/loader.js';
import { allocationLabel } from '../model/ids.js';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run load -- <file.txt> [more files] [--dry-run] [--replace]');
  process.exit(64);
}

const bar = (done: number, total: number) => {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
};

const db = await connect(neo4jSettings());
let exitCode = 0;
// SIGTERM / Ctrl-C: the document being written rolls back with its transaction; no further file starts.
const stop = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`${sig}: stopping after the current document (its transaction commits whole or not at all)`);
    stop.abort();
    setTimeout(() => process.exit(130), 15_000).unref();
  });
}
try {
  await applySchema(db);
  const runner = new QueryRunner(db);
  // A graph loaded by an older version gets its derived totals, as at server start.
  await backfillDerived(runner);
  const started = Date.now();
  const replace = args.includes('--replace');
  await loadFiles(
    runner,
    files,
    { dryRun, replace },
    (r, i) => {
      console.log(`${bar(i + 1, files.length)} ${r.file}: ${r.status} ${r.records} records, ${r.nodesCreated} nodes, ${r.relationshipsCreated} relationships, ${r.ms} ms`);
      for (const l of r.plan?.codeLinks ?? []) console.log(`    ${String(l.method).padEnd(10)} ${String(l.code)} ← ${allocationLabel(String(l.allocationId))} (${String(l.note)})`);
      for (const d of r.parity) {
        exitCode = 1;
        console.error(`    error PARITY ${r.file}: ${d}`);
      }
    },
    (file, err, i) => {
      exitCode = 1;
      console.error(`${bar(i + 1, files.length)} ${file}: NOT LOADED (${err.code}) ${err.message}`);
    },
    stop.signal,
  );
  if (stop.signal.aborted) exitCode = 130;
  console.log(`done in ${Date.now() - started} ms`);
} catch (err) {
  exitCode = 1;
  console.error(err instanceof BudgetGraphError ? `error ${err.code}: ${err.message}` : err);
} finally {
  await db.close();
}
// exitCode, not exit(): exit() would cut off output still draining into a pipe.
process.exitCode = exitCode;
