// The PDF source against itself at another commit and against pdfplumber, side by side in one run
// (#37 item 9: "at no more time a page"; #39: the reader's fixed memory).
//
//   npx tsx bench/cells-speed.ts --reader before=/path/to/worktree --reader after=. [--reps 3] [--no-pdfplumber] [--no-memory] [--docs real,libreoffice]
//
// Each reader is a tree with its server built (dist/: `node scripts/build-server.mjs` there), read by
// bench/cells-speed-child.mjs under plain node. Speed: one warm process a reader (a warm-up document
// first, as bench/table-cells/compare.ts reads ours in-process after one), every PDF read whole by
// each reader and by pdfplumber (bench/table-cells/pdfplumber_cells.py, its time measured inside
// Python), the order rotated from one document and one repetition to the next; wall and CPU seconds
// a page. Memory: each PDF read once by each reader in a fresh process, its peak RSS. `uptime`
// before and after each part.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const readers = args.flatMap((a, i) => (args[i - 1] === '--reader' ? [a] : [])).map((spec) => {
  const [name, root] = spec.split('=');
  if (!name || !root) throw new Error(`--reader NAME=ROOT, not "${spec}"`);
  const at = resolve(root);
  if (!existsSync(join(at, 'dist', 'src', 'source', 'index.js'))) throw new Error(`${at} has no dist/src/source/index.js: build it (node scripts/build-server.mjs)`);
  return { name, root: at };
});
if (!readers.length) throw new Error('no --reader NAME=ROOT');
const REPS = Number(opt('--reps', '3'));
const PLUMBER = !args.includes('--no-pdfplumber');
const MEMORY = !args.includes('--no-memory');
const CHILD = fileURLToPath(new URL('./cells-speed-child.mjs', import.meta.url));
const PYTHON = existsSync('bench/.venv/bin/python') ? 'bench/.venv/bin/python' : 'python3';
const GROUPS: Record<string, string> = { real: 'tests/fixtures/real', libreoffice: 'tests/fixtures/libreoffice' };
const docs = opt('--docs', 'real,libreoffice')
  .split(',')
  .flatMap((g) => readdirSync(GROUPS[g] ?? g).filter((f) => f.endsWith('.pdf')).sort().map((f) => ({ group: g, path: join(GROUPS[g] ?? g, f) })));

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

interface Read {
  file: string;
  pages: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb?: number;
  error?: string;
}

/** A warm reader: one process, a document at a time. */
class Served {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((line: string) => void)[] = [];
  constructor(root: string) {
    this.child = spawn(process.execPath, [CHILD, root, '--serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.resume();
    createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.(line));
  }
  read(path: string): Promise<Read> {
    return new Promise((done) => {
      this.waiting.push((line) => done(JSON.parse(line) as Read));
      this.child.stdin.write(`${resolve(path)}\n`);
    });
  }
  close(): void {
    this.child.stdin.end();
  }
}

const plumber = (path: string): Read => {
  const out = JSON.parse(execFileSync(PYTHON, ['bench/table-cells/pdfplumber_cells.py', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as { pageCount: number; seconds: number; cpuSeconds: number };
  return { file: basename(path), pages: out.pageCount, seconds: out.seconds, cpuSeconds: out.cpuSeconds };
};

const f3 = (x: number) => x.toFixed(3);
const commit = (root: string) => {
  try {
    return execFileSync('git', ['-C', root, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).trim() + (execFileSync('git', ['-C', root, 'status', '--short', 'src/source'], { encoding: 'utf8' }).trim() ? '-dirty' : '');
  } catch {
    return '?';
  }
};

async function speed(): Promise<void> {
  const names = [...readers.map((r) => r.name), ...(PLUMBER ? ['pdfplumber'] : [])];
  const served = new Map(readers.map((r) => [r.name, new Served(r.root)]));
  for (const s of served.values()) await s.read(docs[0]!.path); // warm-up: pdf.js loads once per process
  console.log(`\nload before speed: ${uptime()}`);
  // per reader, per document: the reads' sums
  const sums = new Map<string, Map<string, { pages: number; seconds: number; cpu: number; group: string }>>(names.map((n) => [n, new Map()]));
  let turn = 0;
  for (let rep = 0; rep < REPS; rep++)
    for (const doc of docs) {
      const order = names.map((_, k) => names[(k + turn) % names.length]!);
      turn++;
      for (const name of order) {
        const r = name === 'pdfplumber' ? plumber(doc.path) : await served.get(name)!.read(doc.path);
        if (r.error) throw new Error(`${name} could not read ${doc.path}: ${r.error}`);
        const s = sums.get(name)!.get(doc.path) ?? { pages: 0, seconds: 0, cpu: 0, group: doc.group };
        s.pages += r.pages;
        s.seconds += r.seconds;
        s.cpu += r.cpuSeconds;
        sums.get(name)!.set(doc.path, s);
      }
    }
  console.log(`load after speed: ${uptime()}`);
  for (const s of served.values()) s.close();

  console.log(`\n| documents (${REPS} reads each, order rotated) | pages read | ${names.map((n) => `${n} s a page (CPU)`).join(' | ')} |`);
  console.log(`|---|---|${names.map(() => '---|').join('')}`);
  for (const group of [...new Set(docs.map((d) => d.group))]) {
    const total = (n: string) => [...sums.get(n)!.values()].filter((s) => s.group === group).reduce((a, s) => ({ pages: a.pages + s.pages, seconds: a.seconds + s.seconds, cpu: a.cpu + s.cpu }), { pages: 0, seconds: 0, cpu: 0 });
    const t = names.map(total);
    console.log(`| ${group} (${docs.filter((d) => d.group === group).length} PDFs) | ${t[0]!.pages} | ${t.map((x) => `${f3(x.seconds / x.pages)} (${f3(x.cpu / x.pages)})`).join(' | ')} |`);
  }
  console.log(`\n| document | pages | ${names.map((n) => `${n} s a page (CPU)`).join(' | ')} |`);
  console.log(`|---|---|${names.map(() => '---|').join('')}`);
  for (const doc of docs) {
    const t = names.map((n) => sums.get(n)!.get(doc.path)!);
    console.log(`| ${basename(doc.path)} | ${t[0]!.pages / REPS} | ${t.map((x) => `${f3(x.seconds / x.pages)} (${f3(x.cpu / x.pages)})`).join(' | ')} |`);
  }
}

function memory(): void {
  console.log(`\nload before memory: ${uptime()}`);
  const rows = docs.map((doc) => {
    const peaks = readers.map((r) => (JSON.parse(execFileSync(process.execPath, [CHILD, r.root, '--once', resolve(doc.path)], { encoding: 'utf8' }).trim().split('\n').pop()!) as Read).peakRssMb ?? NaN);
    return { doc, peaks };
  });
  console.log(`load after memory: ${uptime()}`);
  console.log(`\n| document (one read, a fresh process) | ${readers.map((r) => `${r.name} peak RSS MB`).join(' | ')} |`);
  console.log(`|---|${readers.map(() => '---|').join('')}`);
  for (const { doc, peaks } of rows) console.log(`| ${basename(doc.path)} | ${peaks.join(' | ')} |`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`| median | ${readers.map((_, k) => median(rows.map((r) => r.peaks[k]!))).join(' | ')} |`);
}

console.log(`# PDF source speed and memory — ${new Date().toISOString()}`);
console.log(`readers: ${readers.map((r) => `${r.name} = ${r.root} (${commit(r.root)})`).join(', ')}; node ${process.version}; ${docs.length} PDFs`);
console.log(`load before: ${uptime()}`);
await speed();
if (MEMORY) memory();
console.log(`\nload after: ${uptime()}`);
