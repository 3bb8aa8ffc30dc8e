// PDF pages a second and peak memory of reading PDFs (#39 item 7): the source (pdf.js text layer →
// table model → text and places, src/source) and the parse (src/parse), as the parse worker runs
// them, with no Neo4j — at N = 10 / 100 / 1,000 generated PDFs, each N in a child process of its
// own so that its peak RSS is its own.
//
// The PDFs: the corpus generator's texts (bench/corpus/generate.ts) printed by LibreOffice
// (scripts/print-pdf-libreoffice.ts, soffice runs of 25), a pool of --pool distinct documents
// cached outside the repository (BUDGET_GRAPH_PDF_POOL, default /tmp/budget-graph-pdf-pool) and
// cycled for N above the pool's size. Printing costs about 0.3 s a document on a quiet machine
// (1,000 in 277 s), far more than reading it (18 ms a page): print once, read many times.
//
//   npx tsx bench/pdf-pages.ts [--n 10,100,1000] [--pool 1000]
//
// Its children run under tsx, whose loader passes pdf.js's 3.4 MB of JavaScript through its hooks:
// loading pdf.js cost ~510 MB peak RSS under tsx against ~100 MB under plain node (2026-12-07), so
// the peak RSS column here is tsx's more than the reader's. The reader's own, built (dist/) and run
// by node as the service runs it: bench/cells-speed.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus/generate.js';
import { printPdfsWithLibreOffice } from '../scripts/print-pdf-libreoffice.js';
import { readSource } from '../src/source/index.js';
import { parseDocument } from '../src/parse/index.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const poolDir = process.env.BUDGET_GRAPH_PDF_POOL ?? '/tmp/budget-graph-pdf-pool';

/** The pool's PDFs, printed once (the texts are the generator's first `size`, seeded: the same each run). */
function pool(size: number): string[] {
  // A folder per size: the generator's documents depend on how many it makes (its departments).
  const dir = join(poolDir, String(size));
  mkdirSync(dir, { recursive: true });
  const docs = generateCorpus(size);
  const want = docs.map((d) => join(dir, d.file.replace(/\.txt$/, '.pdf')));
  const missing = docs.filter((_, i) => !existsSync(want[i]!));
  if (missing.length) {
    const started = Date.now();
    // A few at a time: one soffice run per batch, so that a failure costs one batch.
    for (let i = 0; i < missing.length; i += 25) {
      const printed = printPdfsWithLibreOffice(missing.slice(i, i + 25).map((d) => ({ name: d.file.replace(/\.txt$/, ''), text: d.text })));
      for (const [name, pdf] of printed) writeFileSync(join(dir, `${name}.pdf`), pdf);
    }
    console.error(`printed ${missing.length} PDFs with LibreOffice in ${((Date.now() - started) / 1000).toFixed(1)} s into ${dir}`);
  }
  return want.filter((f) => existsSync(f));
}

interface ChildResult {
  n: number;
  documents: number;
  pages: number;
  ms: number;
  readMs: number;
  parseMs: number;
  records: number;
  peakRssMb: number;
}

/** One N: read and parse N PDFs (the pool cycled), in this process. */
async function child(n: number, files: string[]): Promise<ChildResult> {
  const bytes = files.map((f) => readFileSync(f));
  let pages = 0;
  let readMs = 0;
  let parseMs = 0;
  let records = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const k = i % bytes.length;
    const file = `${files[k]!.split('/').pop()!}`;
    const t0 = performance.now();
    const source = await readSource(bytes[k]!, file, { ocr: false });
    const t1 = performance.now();
    const doc = parseDocument(source.text, file, source.notes.map((x) => ({ level: x.level, code: x.code, message: x.message, line: x.line })), source.places);
    parseMs += performance.now() - t1;
    readMs += t1 - t0;
    pages += source.pages ?? 0;
    records += doc.lines.length + doc.projects.length + doc.figures.length + doc.indicators.length;
  }
  const ms = performance.now() - started;
  return { n, documents: n, pages, ms, readMs, parseMs, records, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

async function main() {
  if (process.argv.includes('--child')) {
    const n = Number(arg('child', '10'));
    const files = readFileSync(0, 'utf8').trim().split('\n');
    process.stdout.write(`${JSON.stringify(await child(n, files))}\n`);
    return;
  }
  const ns = arg('n', '10,100,1000').split(',').map(Number);
  const files = pool(Number(arg('pool', '1000')));
  console.log(`pool: ${files.length} distinct generated PDFs (${poolDir}/${files.length}); load: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  console.log('| N | distinct | pages | s | pages/s | ms/page (read · parse) | records | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const n of ns) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(n)], { input: files.join('\n'), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const r = JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
    console.log(
      `| ${n} | ${Math.min(n, files.length)} | ${r.pages} | ${(r.ms / 1000).toFixed(1)} | ${((1000 * r.pages) / r.ms).toFixed(1)} | ${(r.ms / r.pages).toFixed(1)} (${(r.readMs / r.pages).toFixed(1)} · ${(r.parseMs / r.pages).toFixed(1)}) | ${r.records} | ${r.peakRssMb} |`,
    );
  }
  console.log(`load after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
