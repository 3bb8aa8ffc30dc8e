// npm run bench: generate → parse accuracy → ingest at N = 10, 100, 1,000 (each into a fresh
// embedded Neo4j, from files the way `npm run load` loads a folder: loadFiles, parse workers,
// up to 32 documents a write transaction) → query latency and throughput on the largest graph, Budget Graph and the
// peer (@neo4j/graphql) side by side in the same run → bench/results/<date>.json + RESULTS.md.
// `--smoke` (CI) runs a tiny version of every step and records nothing.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { neo4jSettings, projectRoot } from '../src/config.js';
import { connect, type Database } from '../src/db/connection.js';
import { freePort } from '../src/db/embedded-neo4j.js';
import { QueryRunner } from '../src/db/run.js';
import { applySchema } from '../src/db/schema.js';
import { loadFiles } from '../src/load/directory.js';
import { coverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/index.js';
import { layout } from '../src/parse/layout.js';
import { accuracy, type AccuracyReport } from './accuracy.js';
import { reconciliation, type ReconciliationReport } from './reconciliation.js';
import { childPids, cpuMs, memoryMb } from './proc.js';
import { generateCorpus } from './corpus/generate.js';
import { httpTask, merge, sample, type LoadResult, type LoadSample, type Task } from './load-generator.js';
import { answersSomething, benchQueries, pickTargets } from './queries.js';
import { cypherTask, recordStatements } from './raw-cypher.js';
import { buildApiSchema } from '../src/api/schema.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = (arg('sizes') ?? (smoke ? '6' : '10,100,1000')).split(',').map(Number);
const durationMs = Number(arg('duration') ?? (smoke ? 300 : 5000));
const concurrencies = (arg('concurrency') ?? (smoke ? '1,2' : '1,10,50')).split(',').map(Number);
const outDir = arg('out') ?? join(projectRoot, 'bench', 'results');
const log = (msg: string) => console.log(`bench: ${msg}`);

interface IngestFigure {
  n: number;
  seconds: number;
  docsPerMinute: number;
  rowsPerSecond: number;
  msPerDocument: number;
  records: number;
  nodePeakRssMb: number;
  jvmPeakRssMb: number | null;
}

interface QueryFigure extends LoadResult {
  query: string;
  server: 'budget-graph' | 'budget-graph (no cache)' | 'peer' | 'raw Cypher (driver alone)';
  concurrency: number;
  roundTrips: number | null;
  /**
   * CPU time per request, ms: Neo4j's JVM, the GraphQL server's process (null for the floor, which
   * has none) and this process (the load generator; for the floor, the driver doing the work).
   * On two shared cores these add up to what a request costs the machine.
   */
  cpu: { neo4j: number | null; server: number | null; client: number };
}

/** Where a process really runs: itself, or its deepest child (tsx runs the server in a child of its own). */
function leafPid(pid: number): number {
  const children = childPids(pid);
  return children.length ? leafPid(children[0]!) : pid;
}

/** Peak RSS of a server process (where it really runs). */
function serverPeakRssMb(pid: number | undefined): number | null {
  return pid ? memoryMb(leafPid(pid), 'VmHWM') : null;
}

const jvmPeakRssMb = (pid: number | undefined) => memoryMb(pid, 'VmHWM');

async function freshNeo4j(): Promise<{ db: Database; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-graph-bench-'));
  // Originals (a PDF's bytes) are kept and pruned beside this Neo4j, never the default graph's
  // (src/db/originals-store.ts): loadFiles prunes after each batch.
  process.env.NEO4J_DATA_DIR = join(dir, 'neo4j');
  const db = await connect({ ...neo4jSettings(), uri: undefined, dataDir: join(dir, 'neo4j'), boltPort: await freePort(0), heapMb: 2048, pageCacheMb: 1024, txTimeoutMs: 60_000 });
  await applySchema(db);
  return { db, dir };
}

async function ingest(n: number): Promise<{ figure: IngestFigure; db: Database; dir: string; report: AccuracyReport }> {
  const docs = generateCorpus(n);
  const report = accuracy(docs);
  const { db, dir } = await freshNeo4j();
  const runner = new QueryRunner(db);
  // The documents as files, as `npm run load` reads a folder (written before the clock starts).
  const writeFiles = (folder: string, files: { file: string; text: string }[]) => {
    mkdirSync(join(dir, folder));
    return files.map((d) => {
      const path = join(dir, folder, d.file);
      writeFileSync(path, d.text);
      return path;
    });
  };
  const paths = writeFiles('docs', docs);
  // Warm-up on other documents (then removed): Cypher plans, the JIT and the parse workers are
  // ready before timing, so N=10 measures loading, not the first statements' planning.
  const warm = writeFiles('warm', generateCorpus(6, 7).map((w) => ({ file: `warmup-${w.file}`, text: w.text })));
  await loadFiles(runner, warm);
  for (const w of warm) await runner.write('load-delete-document', { file: basename(w) });
  let records = 0;
  const rssBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  let parityErrors = 0;
  // As `npm run load` does (src/cli/load.ts): batches of up to 32 documents a write transaction,
  // read and planned by the parse workers ahead of the writes. A bad document throws, as before.
  await loadFiles(runner, paths, {}, (r) => {
    records += r.records;
    for (const e of r.parity) {
      parityErrors++;
      log(`PARITY ${r.file}: ${e}`);
    }
  });
  if (parityErrors) throw new Error(`${parityErrors} parse/graph parity differences at N=${n}`);
  const seconds = (performance.now() - started) / 1000;
  const figure: IngestFigure = {
    n,
    seconds: Math.round(seconds * 100) / 100,
    docsPerMinute: Math.round((n / seconds) * 60),
    rowsPerSecond: Math.round(records / seconds),
    msPerDocument: Math.round(((seconds * 1000) / n) * 10) / 10,
    records,
    nodePeakRssMb: Math.round(Math.max(rssBefore, process.resourceUsage().maxRSS) / 1024),
    jvmPeakRssMb: jvmPeakRssMb(db.embedded?.pid),
  };
  log(`ingest N=${n}: ${figure.seconds} s, ${figure.docsPerMinute} documents/min, ${figure.rowsPerSecond} rows/s, ${figure.msPerDocument} ms/document, JVM peak ${figure.jvmPeakRssMb} MB`);
  return { figure, db, dir, report };
}

function startProcess(command: string[], env: Record<string, string>, readyPattern: RegExp): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => reject(new Error(`${command.join(' ')} not ready in 120 s`)), 120_000);
    const onLine = (line: string) => {
      if (readyPattern.test(line)) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code} before it was ready`)));
  });
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: any; extensions?: { cypherRoundTrips?: number } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: any; errors?: any };
}

/**
 * Before any timing, Neo4j goes quiet: right after a large load the JVM may still work in the
 * background (checkpoint, index sampling, collections; Community has no db.checkpoint() to do it
 * now), and the first cells timed would pay for it.
 */
async function settle(db: Database): Promise<void> {
  const pid = db.embedded?.pid;
  if (!pid) return;
  const started = performance.now();
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 1000));
    const busy = (cpuMs(pid) ?? 0) - (before ?? 0);
    if (before === null || busy < 50 || performance.now() - started > 60_000) {
      log(`Neo4j settled after ${Math.round((performance.now() - started) / 1000)} s (${busy} ms of CPU in the last second)`);
      return;
    }
  }
}

interface Contender {
  server: QueryFigure['server'];
  task: Task;
  roundTrips: number | null;
  /** The GraphQL server's process; null for the floor. */
  pid: number | null;
}

interface MeteredSample extends LoadSample {
  cpu: { neo4j: number | null; server: number | null; client: number };
}

/** A sample with the CPU each process spent on it (Linux /proc; null where it cannot be read). */
async function metered(x: Contender, jvm: number | null, concurrency: number, ms: number): Promise<MeteredSample> {
  const used = (pid: number | null) => (pid === null ? null : cpuMs(pid));
  const ownMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const before = { neo4j: used(jvm), server: used(x.pid), client: ownMs() };
  const s = await sample(x.task, concurrency, ms);
  const after = { neo4j: used(jvm), server: used(x.pid), client: ownMs() };
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return { ...s, cpu: { neo4j: delta(before.neo4j, after.neo4j), server: delta(before.server, after.server), client: after.client - before.client } };
}

async function queryBench(db: Database): Promise<{ figures: QueryFigure[]; gaps: Record<string, string>; rss: Record<string, number | null> }> {
  const uri = db.embedded!.uri;
  const auth = { NEO4J_USER: db.embedded!.user, NEO4J_PASSWORD: db.embedded!.password };
  const bgPort = await freePort(0);
  const rawPort = await freePort(0);
  const peerPort = await freePort(0);
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  const bg = await startProcess([tsx, 'src/main.ts'], { ...auth, NEO4J_URI: uri, PORT: String(bgPort), HOST: '127.0.0.1', BUDGET_GRAPH_LOAD_ON_START: '0', BUDGET_GRAPH_CLIENT_LIMITS: '0' }, /GraphQL ready/);
  // The same server with its answer cache off: every request runs its Cypher.
  const raw = await startProcess([tsx, 'src/main.ts'], { ...auth, NEO4J_URI: uri, PORT: String(rawPort), HOST: '127.0.0.1', BUDGET_GRAPH_LOAD_ON_START: '0', BUDGET_GRAPH_CACHE: '0', BUDGET_GRAPH_CLIENT_LIMITS: '0' }, /GraphQL ready/);
  const peer = await startProcess([tsx, 'bench/peer/server.ts'], { ...auth, NEO4J_URI: uri, PORT: String(peerPort) }, /PEER_READY/);
  const pids: Record<string, number | null> = { 'budget-graph': bg.child.pid ? leafPid(bg.child.pid) : null, 'budget-graph (no cache)': raw.child.pid ? leafPid(raw.child.pid) : null, peer: peer.child.pid ? leafPid(peer.child.pid) : null };
  const urls = { 'budget-graph': `http://127.0.0.1:${bgPort}/graphql`, 'budget-graph (no cache)': `http://127.0.0.1:${rawPort}/graphql`, peer: `http://127.0.0.1:${peerPort}/` } as const;
  const figures: QueryFigure[] = [];
  const gaps: Record<string, string> = {};
  try {
    const t = await pickTargets((query) => post(urls['budget-graph'], query, {}));
    log(`targets: ${JSON.stringify(t)}`);
    const schema = await buildApiSchema();
    const only = arg('queries')?.split(',');
    await settle(db);
    for (const q of benchQueries(t).filter((x) => !only || only.some((o) => x.name.includes(o)))) {
      if (q.peerGap) gaps[q.name] = q.peerGap;
      // The floor: the same question's Cypher, replayed by the driver alone in this process.
      const statements = await recordStatements(db, schema, q.bg.query, q.bg.variables);
      const contenders: Contender[] = [{ server: 'raw Cypher (driver alone)', task: cypherTask(db, statements), roundTrips: statements.length, pid: null }];
      for (const server of ['budget-graph (no cache)', 'peer', 'budget-graph'] as const) {
        const spec = server === 'peer' ? q.peer : q.bg;
        if (!spec) continue;
        const first = await post(urls[server], spec.query, spec.variables);
        if (first.errors) throw new Error(`${server} ${q.name}: ${JSON.stringify(first.errors).slice(0, 400)}`);
        if (!answersSomething(first.data)) throw new Error(`${server} ${q.name}: an empty answer (${JSON.stringify(first.data).slice(0, 200)}): the targets are not found there, so nothing would be measured`);
        contenders.push({ server, task: httpTask(urls[server], JSON.stringify({ query: spec.query, variables: spec.variables })), roundTrips: first.extensions?.cypherRoundTrips ?? null, pid: pids[server] ?? null });
      }
      // Warm-up: plans cached, JIT warm, connection pools filled.
      for (const x of contenders) await sample(x.task, Math.max(...concurrencies), Math.min(durationMs, 1000));
      // Side by side: the uncached contenders take turns in two halves, the second in reverse
      // order, so a drift of this machine's speed (a JVM collection, a neighbour) falls on all of
      // them alike instead of on whoever ran first. The cached server answers from memory: it
      // runs after them, alone.
      const sideBySide = contenders.filter((x) => x.server !== 'budget-graph');
      const jvm = db.embedded?.pid ?? null;
      for (const c of concurrencies) {
        const samples = new Map<QueryFigure['server'], MeteredSample[]>();
        for (const order of [sideBySide, [...sideBySide].reverse()]) {
          for (const x of order) samples.set(x.server, [...(samples.get(x.server) ?? []), await metered(x, jvm, c, durationMs / 2)]);
        }
        const cached = contenders.find((x) => x.server === 'budget-graph');
        if (cached) samples.set(cached.server, [await metered(cached, jvm, c, durationMs)]);
        for (const x of contenders) {
          const parts = samples.get(x.server)!;
          const r = merge(parts);
          const perRequest = (ms: (m: MeteredSample) => number | null) => (parts.some((m) => ms(m) === null) ? null : Math.round((parts.reduce((t, m) => t + ms(m)!, 0) / Math.max(1, r.requests)) * 100) / 100);
          const cpu = { neo4j: perRequest((m) => m.cpu.neo4j), server: perRequest((m) => m.cpu.server), client: perRequest((m) => m.cpu.client) ?? 0 };
          figures.push({ query: q.name, server: x.server, concurrency: c, roundTrips: x.roundTrips, cpu, ...r });
          log(`${q.name} ${x.server} c=${c}: p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.rps} req/s, ${r.errors} errors`);
        }
      }
    }
    return { figures, gaps, rss: { 'budget-graph': serverPeakRssMb(bg.child.pid), 'budget-graph (no cache)': serverPeakRssMb(raw.child.pid), peer: serverPeakRssMb(peer.child.pid) } };
  } finally {
    bg.child.kill('SIGTERM');
    raw.child.kill('SIGTERM');
    peer.child.kill('SIGTERM');
  }
}

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: projectRoot }).toString().trim() + (execSync('git status --porcelain', { cwd: projectRoot }).toString().trim() ? '-dirty' : '');
  } catch {
    return 'unknown';
  }
}

function markdown(result: any): string {
  const ing = result.ingest as IngestFigure[];
  const q = result.queries as QueryFigure[];
  const lines = [
    `## ${result.date} — commit ${result.commit}`,
    '',
    `Machine: ${result.machine.cores} cores (${result.machine.cpu}), ${result.machine.memoryGiB} GiB, Node ${result.machine.node}. Neo4j 5.26 embedded, heap 2 GiB, page cache 1 GiB; one Neo4j per ingest size; documents loaded from files as \`npm run load\` does (parse workers, up to 32 a write transaction).`,
    '',
    `Parse accuracy (${result.accuracy.documents} generated documents, every fact exact): lines ${result.accuracy.lines}, projects ${result.accuracy.projects}, investment projects ${result.accuracy.investments}, 三公 ${result.accuracy.threeCosts}, planted anomalies ${result.accuracy.anomalies}, false anomalies ${result.accuracy.falseAnomalies}.`,
    '',
    reconciliationMarkdown(result.reconciliation),
    '',
    '| N documents | seconds | documents/min | rows/s | ms/document | Node peak RSS MB | Neo4j JVM peak RSS MB |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...ing.map((f) => `| ${f.n} | ${f.seconds} | ${f.docsPerMinute} | ${f.rowsPerSecond} | ${f.msPerDocument} | ${f.nodePeakRssMb} | ${f.jvmPeakRssMb ?? '—'} |`),
    '',
    `Time per document at N=${ing.at(-1)?.n} vs N=${ing[0]?.n}: ${result.perDocumentRatio}×.`,
    '',
    `Queries on the ${ing.at(-1)?.n}-document graph (${result.durationMs / 1000} s per cell, closed loop on loopback):`,
    '',
    '| query | server | concurrency | p50 ms | p95 ms | p99 ms | req/s | errors | Cypher round-trips | CPU ms/request: Neo4j | server | load generator |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...q.map((f) => `| ${f.query} | ${f.server} | ${f.concurrency} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.rps} | ${f.errors} | ${f.roundTrips ?? '—'} | ${f.cpu?.neo4j ?? '—'} | ${f.cpu?.server ?? '—'} | ${f.cpu?.client ?? '—'} |`),
    '',
    `Peer: ${result.peer}, serving the same graph from type definitions of the same labels (bench/peer/). Floor: the Cypher Budget Graph runs for the question, recorded from one in-process answer and replayed by neo4j-driver alone (no GraphQL, HTTP or JSON), in the bench's own process. Each uncached cell is two halves taken in turns (floor, Budget Graph, peer; then the reverse). CPU per request: the JVM's, the server process's and the bench process's own (which for the floor is the driver decoding the rows).`,
    '',
    'Budget Graph without its answer cache against the peer (latency ratio < 1 and throughput ratio > 1 mean Budget Graph is faster) and against the raw-Cypher floor (1 = no overhead above the database), and with the cache (the same question repeated, as a load test does):',
    '',
    '| query | concurrency | p50 ratio vs peer | p99 ratio vs peer | req/s ratio vs peer | req/s ratio vs raw Cypher | cached p99 ms | cached req/s ratio vs peer |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...(result.ratios as any[]).map((r) => `| ${r.query} | ${r.concurrency} | ${r.p50 ?? '—'} | ${r.p99 ?? '—'} | ${r.rps ?? '—'} | ${r.rpsVsFloor ?? '—'} | ${r.cachedP99 ?? '—'} | ${r.cachedRpsRatio ?? '—'} |`),
    '',
    ...Object.entries(result.peerGaps as Record<string, string>).map(([k, v]) => `- ${result.peer}, ${k}: ${v}`),
    '',
  ];
  return lines.join('\n');
}

function reconciliationMarkdown(r: ReconciliationReport | null): string {
  if (!r) return '';
  const rows = Object.entries(r.byMethod).map(([m, f]) => `| ${m} | ${f.links} | ${f.correct} | ${f.precision ?? '—'} |`);
  return [
    `Reconciliation (project → 项 code links against the generator's ground truth, ${r.documents} documents, ${r.projects} projects): precision ${r.precision ?? '—'} (${r.correctLinks}/${r.links} links right), recall ${r.recall ?? '—'} (${r.projectsLinkedRight}/${r.projects} projects linked to their 项). Target forms print no 功能分类 lines, so their projects cannot be linked: recall over budgets and final accounts alone is in the JSON.`,
    '',
    '| method | links | right | precision |',
    '|---|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** Coverage of the bundled documents (per document) and of the generated corpus: every number a table prints, and what holds it. */
function coverageMarkdown(acc: AccuracyReport): string {
  const rows = readdirSync(join(projectRoot, 'data'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(projectRoot, 'data', f), 'utf8');
      const doc = parseDocument(text, f);
      const c = coverage(doc, layout(text)).reduce((a, t) => ({ cells: a.cells + t.cells, typed: a.typed + t.cellsTyped, figures: a.figures + t.cellsFigures, not: a.not + t.cellsNotRead }), { cells: 0, typed: 0, figures: 0, not: 0 });
      return `| ${f} | ${c.cells} | ${c.typed} (${((100 * c.typed) / c.cells).toFixed(1)}%) | ${c.figures} | ${c.not} |`;
    });
  return [
    'Coverage (`npm run parse -- FILE --coverage`): numbers the tables print, held by a typed record (line, total, project, indicator, investment field …), held only as a Figure (row label + column + measure), or not held.',
    '',
    '| document | numbers | typed | figures | not held |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    `| generated corpus (${acc.documents} documents) | ${acc.cells} | ${acc.cellsTyped} (${((100 * acc.cellsTyped) / Math.max(1, acc.cells)).toFixed(1)}%) | ${acc.cells - acc.cellsTyped - acc.cellsNotRead} | ${acc.cellsNotRead} |`,
  ].join('\n');
}

/** `--only=accuracy`: parse accuracy and reconciliation on the largest size, appended to RESULTS.md. */
async function accuracyOnly(): Promise<void> {
  const n = Math.max(...sizes);
  const docs = generateCorpus(n);
  const acc = accuracy(docs);
  const rec = reconciliation(docs);
  const withLines = reconciliation(docs.filter((d) => d.truth.family !== 'TARGET_FORM'));
  const pct = (t: { expected: number; matched: number }) => `${t.matched}/${t.expected}`;
  const text = [
    `## ${new Date().toISOString().slice(0, 10)} — commit ${commit()} (accuracy and reconciliation only)`,
    '',
    `Parse accuracy (${acc.documents} generated documents): lines ${pct(acc.lines)}, projects ${pct(acc.projects)}, investment projects ${pct(acc.investments)}, 三公 ${pct(acc.threeCosts)}, table figures ${pct(acc.figures)}, prose amounts ${pct(acc.proseAmounts)}, planted anomalies ${pct(acc.anomalies)}, false anomalies ${acc.falseAnomalies}, 基本支出 rows read as projects ${acc.falseProjects}.`,
    '',
    coverageMarkdown(acc),
    '',
    reconciliationMarkdown(rec),
    '',
    `Over budgets and final accounts only (${withLines.documents} documents, ${withLines.projects} projects): precision ${withLines.precision}, recall ${withLines.recall}.`,
    '',
  ].join('\n');
  appendFileSync(join(projectRoot, 'bench', 'RESULTS.md'), `\n${text}`);
  writeFileSync(join(outDir, `${new Date().toISOString().slice(0, 10)}-accuracy.json`), `${JSON.stringify({ accuracy: acc, reconciliation: rec, reconciliationWithLines: withLines }, null, 2)}\n`);
  log(text);
}

async function main(): Promise<void> {
  if (arg('only') === 'accuracy') return accuracyOnly();
  const date = new Date().toISOString().slice(0, 10);
  const ingestFigures: IngestFigure[] = [];
  let last: { db: Database; dir: string } | null = null;
  let acc: AccuracyReport | null = null;
  let rec: ReconciliationReport | null = null;
  for (const n of sizes) {
    if (last) {
      await last.db.close();
      rmSync(last.dir, { recursive: true, force: true });
    }
    const r = await ingest(n);
    ingestFigures.push(r.figure);
    last = { db: r.db, dir: r.dir };
    acc = r.report;
    rec = reconciliation(generateCorpus(n));
  }
  const q = await queryBench(last!.db);
  const pct = (t: { expected: number; matched: number }) => `${t.matched}/${t.expected}`;
  const ratios = [];
  for (const f of q.figures.filter((x) => x.server === 'budget-graph (no cache)')) {
    const same = (server: QueryFigure['server']) => q.figures.find((x) => x.server === server && x.query === f.query && x.concurrency === f.concurrency);
    const p = same('peer');
    const cached = same('budget-graph');
    const floor = same('raw Cypher (driver alone)');
    const ratio = (a: number, b: number | undefined) => (b ? +(a / b).toFixed(2) : null);
    ratios.push({
      query: f.query,
      concurrency: f.concurrency,
      p50: p ? ratio(f.p50, p.p50) : null,
      p99: p ? ratio(f.p99, p.p99) : null,
      rps: p ? ratio(f.rps, p.rps) : null,
      rpsVsFloor: ratio(f.rps, floor?.rps),
      cachedP99: cached?.p99 ?? null,
      cachedRpsRatio: cached && p ? ratio(cached.rps, p.rps) : null,
    });
  }
  const result = {
    date,
    commit: commit(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    smoke,
    durationMs,
    accuracy: acc && { documents: acc.documents, lines: pct(acc.lines), projects: pct(acc.projects), investments: pct(acc.investments), threeCosts: pct(acc.threeCosts), anomalies: pct(acc.anomalies), falseAnomalies: acc.falseAnomalies, failed: acc.failedDocuments, misses: [...acc.lines.misses, ...acc.projects.misses].slice(0, 10) },
    reconciliation: rec,
    ingest: ingestFigures,
    perDocumentRatio: +(ingestFigures.at(-1)!.msPerDocument / ingestFigures[0]!.msPerDocument).toFixed(2),
    queries: q.figures,
    ratios,
    peerGaps: q.gaps,
    peer: `@neo4j/graphql ${JSON.parse(readFileSync(join(projectRoot, 'node_modules', '@neo4j', 'graphql', 'package.json'), 'utf8')).version}`,
    serverPeakRssMb: q.rss,
  };
  await last!.db.close();
  rmSync(last!.dir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // Named by date and commit: a second run on the same day keeps the first.
  const file = join(outDir, `${date}-${result.commit}${smoke ? '-smoke' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${file}`);
  // A run of some questions (--queries=) is a probe: its figures go to the JSON only.
  if (!smoke && !arg('queries')) {
    const md = join(projectRoot, 'bench', 'RESULTS.md');
    if (!existsSync(md)) writeFileSync(md, '# Benchmark results\n\nAppended by `npm run bench`; newest last. Figures, not tests: read them with the machine and commit beside them.\n\n');
    appendFileSync(md, markdown(result));
    log(`appended ${md}`);
  }
  // Check numbers are exact in the smoke run too: parse accuracy must be total.
  if (acc && (acc.failedDocuments.length || acc.lines.matched !== acc.lines.expected || acc.projects.matched !== acc.projects.expected)) {
    log('parse accuracy below 100%: see the JSON for the misses');
    process.exitCode = 2;
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
