// npx tsx scripts/pipeline-fingerprint.ts [--out FILE] [--check FILE]: one hash per document of what
// the parser gives (parseDocument's records, diagnostics and anomalies) and of the load plan built
// from it, over the bundled documents (data/), the test fixtures (text and PDF, the real Shanghai
// PDFs included) and 60 generated documents. A refactor that must not change what is read (#40:
// "parse output and load plans byte-identical before and after") writes the hashes before, then
// checks them after; --check prints each document whose parse or plan changed and exits 1.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { parseDocument } from '../src/parse/index.js';
import { buildPlan } from '../src/load/plan.js';
import { readSource } from '../src/source/index.js';
import { generateCorpus } from '../bench/corpus/generate.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

const dirs = ['data', 'tests/fixtures', 'tests/fixtures/real', 'tests/fixtures/libreoffice'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|pdf)$/.test(f)).map((f) => join(d, f))).sort();
const hashes: Record<string, { parse: string; plan: string } | { error: string }> = {};
for (const path of files) {
  try {
    const source = await readSource(readFileSync(path), basename(path));
    const doc = parseDocument(source.text, basename(path), source.notes, source.places);
    hashes[path] = { parse: sha(json(doc)), plan: sha(json(buildPlan(doc, source.text))) };
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
