// npx tsx scripts/pipeline-fingerprint.ts [--out FILE] [--check FILE]: one hash per document of what
// the parser gives (its records, diagnostics and anomalies), of the load plan built from it and of
// the places stored beside the text (pages, boxes, the cells each fact read), the way the parse
// worker makes them (src/load/parse-worker.ts), over the bundled documents (data/), the test
// fixtures (text, PDF, HTML and Markdown; the real Shanghai PDFs included) and 60 generated documents. A refactor that must not change what is read (#40:
// "parse output and load plans byte-identical before and after") writes the hashes before, then
// checks them after; --check prints each document whose parse or plan changed and exits 1.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { documentText, parseDocument } from '../src/parse/index.js';
import { parseWithCellsRead } from '../src/parse/cells-read.js';
import { buildPlan } from '../src/load/plan.js';
import { withCellsRead } from '../src/load/places.js';
import { readSource } from '../src/source/index.js';
import { generateCorpus } from '../bench/corpus/generate.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

const dirs = ['data', 'tests/fixtures', 'tests/fixtures/real', 'tests/fixtures/libreoffice', 'tests/fixtures/html'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|pdf|html|md)$/.test(f) && f !== 'README.md').map((f) => join(d, f))).sort();
const hashes: Record<string, { parse: string; plan: string; places?: string } | { error: string }> = {};
for (const path of files) {
  try {
    const file = basename(path);
    const source = await readSource(readFileSync(path), file);
    // As the parse worker does: the source's printed document (its cells, a PDF's boxes, a web page's spans) goes to the parser.
    const { doc, cellsRead, recordCells } = parseWithCellsRead(source.printed, file, source.notes);
    const places = withCellsRead(source.places ?? null, cellsRead, recordCells);
    hashes[path] = { parse: sha(json(doc)), plan: sha(json(buildPlan(doc, documentText(source.text, file)))), ...(places ? { places: sha(json(places)) } : {}) };
  } catch (err) {
    hashes[path] = { error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : String(err) };
  }
}
for (const g of generateCorpus(60)) {
  try {
    const doc = parseDocument(g.text, g.file);
    hashes[`generated/${g.file}`] = { parse: sha(json(doc)), plan: sha(json(buildPlan(doc, g.text))) };
  } catch (err) {
    hashes[`generated/${g.file}`] = { error: err instanceof Error ? err.message.slice(0, 200) : String(err) };
  }
}

const out = flag('--out');
const check = flag('--check');
if (out) writeFileSync(out, `${JSON.stringify(hashes, null, 1)}\n`);
if (check) {
  const before = JSON.parse(readFileSync(check, 'utf8')) as typeof hashes;
  const changed = Object.keys({ ...before, ...hashes }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(hashes[k]));
  for (const k of changed) console.log(`changed: ${k} ${JSON.stringify(before[k])} → ${JSON.stringify(hashes[k])}`);
  console.log(`${Object.keys(hashes).length} documents, ${changed.length} changed`);
  process.exitCode = changed.length ? 1 : 0;
} else if (!out) {
  for (const [k, v] of Object.entries(hashes)) console.log(k, JSON.stringify(v));
}
