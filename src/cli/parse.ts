// npm run parse -- <file> [--json] [--coverage] [--text] [--stage=NAME]: check a document (text or PDF) before loading it; --text prints the canonical text a PDF reads as; --stage prints one stage's output (--stage=list names them).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatWan } from '../model/money.js';
import { documentText, parseDocument } from '../parse/index.js';
import { BudgetGraphError } from '../errors.js';
import { coverage, type TableCoverage } from '../parse/coverage.js';
import { layout, linesOfPrinted } from '../parse/layout.js';
import { readSource } from '../source/index.js';
import { cliArgs } from './args.js';
import { stageList, stageOutput, stageRefusal } from './parse-stages.js';

const { values, positionals: files } = cliArgs({
  usage: 'npm run parse -- FILE… [options]',
  about: 'Reads documents (text, or PDF with a text layer) without loading them: what each holds, and what could not be read.',
  positionals: 'FILE: a .txt or .pdf document.',
  options: {
    json: { type: 'boolean', help: 'Print the parsed records as JSON (money in 万元 strings).' },
    coverage: { type: 'boolean', help: 'Print per table how many cells became facts.' },
    text: { type: 'boolean', help: 'Print the canonical text as stored (personal data redacted).' },
    stage: { type: 'string', value: 'NAME', help: "Print one stage's output as JSON (table-model, structure, readers, …, links, plan-checks, rows, plan); --stage=list names the stages." },
  },
});
if (values.stage === 'list') {
  console.log(stageList());
  process.exit();
}
// A stage misspelt is refused once, as a usage error, before any file is read.
const refusal = values.stage === undefined ? null : stageRefusal(values.stage);
if (refusal) {
  console.error(refusal);
  process.exitCode = 64;
  process.exit();
}
const json = values.json;
const withCoverage = values.coverage;
if (files.length === 0) {
  console.error('name at least one file; see --help');
  process.exitCode = 64;
  process.exit();
}
let failed = 0;
for (const path of files) {
  try {
    if (values.stage !== undefined) {
      console.log(await stageOutput(path, values.stage));
      continue;
    }
    const source = await readSource(readFileSync(path), basename(path));
    const text = source.text;
    // The source's notes (a PDF's pages without text, fonts without a Unicode map) are diagnostics
    // of the document: in --json with the rest, never printed before it.
    const doc = parseDocument(source.printed, basename(path), source.notes);
    if (values.text) {
      // As stored: personal data (填报人, 联系电话) redacted.
      console.log(documentText(text, basename(path)));
      continue;
    }
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
    if (withCoverage) {
      const printed = linesOfPrinted(source.printed);
      printCoverage(coverage(doc, layout(printed.cells, printed.places)));
    }
  } catch (err) {
    failed++;
    console.error(err instanceof BudgetGraphError ? `error ${err.code}: ${err.message}` : err);
  }
}
// exitCode, not exit(): exit() would cut off stdout still draining into a pipe.
process.exitCode = failed ? 1 : 0;

/** Per table: rows read by a typed record, rows held only as figures, rows with a number nothing holds. */
function printCoverage(tables: TableCoverage[]): void {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  console.log('  coverage (every table found; numbers each prints: typed record / figure only / not read)');
  console.log('  line  family                      unit  rows read/figures/not   cells typed/figures/not   title');
  const sum = { cells: 0, typed: 0, figures: 0, not: 0, rows: 0, read: 0, fig: 0, notRows: 0 };
  for (const t of tables) {
    const family = (t.family === 'OTHER' ? 'UNKNOWN' : t.family).padEnd(27);
    const title = `${t.standardNo ? `${t.standardNo}. ` : ''}${t.title.slice(0, 40)}`;
    if (t.numericRows === 0) {
      // A table without a number is reported too: empty as the page says, or empty without a word.
      console.log(`  ${String(t.line).padEnd(5)} ${family} ${t.unit.padEnd(5)} ${(t.empty === 'NOTED' ? 'empty, as the page says' : 'no figure, no note').padEnd(49)} ${title}`);
      continue;
    }
    sum.cells += t.cells;
    sum.typed += t.cellsTyped;
    sum.figures += t.cellsFigures;
    sum.not += t.cellsNotRead;
    sum.rows += t.numericRows;
    sum.read += t.rowsRead;
    sum.fig += t.rowsAsFigures;
    sum.notRows += t.rowsNotRead;
    const rows = `${t.rowsRead}/${t.rowsAsFigures}/${t.rowsNotRead}`.padEnd(23);
    const cells = `${t.cellsTyped}/${t.cellsFigures}/${t.cellsNotRead}`.padEnd(25);
    console.log(`  ${String(t.line).padEnd(5)} ${family} ${t.unit.padEnd(5)} ${rows} ${cells} ${title}${t.notReadLines.length ? `  (not read: lines ${t.notReadLines.join(', ')})` : ''}`);
  }
  console.log(`  total: ${sum.rows} rows with numbers (${sum.read} read, ${sum.fig} as figures, ${sum.notRows} not read); ${sum.cells} numbers: ${sum.typed} typed (${pct(sum.typed, sum.cells)}), ${sum.figures} figures (${pct(sum.figures, sum.cells)}), ${sum.not} not read`);
}
