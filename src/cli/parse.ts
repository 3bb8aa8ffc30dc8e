// npm run parse -- <file> [--json]: check a document before loading it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatWan } from '../parse/amount.js';
import { parseDocument } from '../parse/index.js';
import { BudgetGraphError } from '../errors.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run parse -- <file.txt> [more files] [--json]');
  process.exitCode = 64;
  process.exit();
}
let failed = 0;
for (const path of files) {
  try {
    const buf = readFileSync(path);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    const doc = parseDocument(text, basename(path));
    if (json) {
      console.log(JSON.stringify(doc, (_k, v) => (typeof v === 'bigint' ? formatWan(v) : v), 2));
      continue;
    }
    console.log(`${path}: ${doc.meta.title} | ${doc.meta.department} | ${doc.meta.year} | ${doc.meta.kinds.join(', ')}`);
    console.log(
      `  units ${doc.units.length}, budget lines ${doc.lines.length}, projects ${doc.projects.length}, indicators ${doc.indicators.length}, ` +
        `investment projects ${doc.investmentProjects.length}, self-evaluations ${doc.selfEvaluations.length}, 三公 ${doc.threeCosts.length}, anomalies ${doc.anomalies.length}`,
    );
    for (const a of doc.anomalies) console.log(`  anomaly ${a.kind}: ${a.message} (line ${a.sources[0]?.line})`);
    for (const d of doc.diagnostics.filter((x) => x.level === 'WARNING')) console.log(`  warning line ${d.line} ${d.code}: ${d.message}`);
  } catch (err) {
    failed++;
    console.error(err instanceof BudgetGraphError ? `error ${err.code}: ${err.message}` : err);
  }
}
// exitCode, not exit(): exit() would cut off stdout still draining into a pipe.
process.exitCode = failed ? 1 : 0;
