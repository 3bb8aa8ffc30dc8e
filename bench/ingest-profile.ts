// Where a document's load spends its time (issue 41 item 1): loads N generated text documents
// (bench/corpus/generate.ts), or PDFs, the way `npm run load` does (src/load/directory.ts:
// loadFiles, read and parsed in the parse worker) into a fresh embedded Neo4j, with a phase
// recorder installed (src/load/phases.ts), and prints each phase's total, share and time per
// document, with the statements and transactions a document costs.
//
//   npx tsx bench/ingest-profile.ts --n=200            generated text documents
//   npx tsx bench/ingest-profile.ts --pdf=a.pdf,b.pdf  PDFs (default: tests/fixtures/real/*.pdf)
//   --batches=1,32,1,32                                documents a write transaction, rounds side by side
//   --json=out.json                                    the figures as JSON too
//   --jvm='|-XX:TieredStopAtLevel=1'                   JVM options a round (JAVA_TOOL_OPTIONS, '|' between rounds,
//                                                      '' for none), with the batch sizes of --batches in turn
//   --jit=quick|peak                                   the embedded JVM's JIT (src/db/embedded-neo4j.ts); quick, as
//                                                      npm run load starts it, unless told
//   --jfr=DIR                                          a Flight Recording (profile settings) of the JVM over each
//                                                      round's measured span, DIR/round-<n>.jfr (jcmd, JDK 17+)
//   --plans                                            each statement's compile time over the measured span (its data
//                                                      collector: cypher/load-plans-*.cypher): its first run's (the
//                                                      plan made: the warm-up's load ends by dropping every plan, see
//                                                      freshDatabase) and the other runs' (the plan found in the cache)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const dir = mkdtempSync(join(tmpdir(), 'budget-graph-profile-'));
// Originals (PDF bytes) go beside this run's Neo4j, not the default graph's (src/db/originals-store.ts).
process.env.NEO4J_DATA_DIR = join(dir, 'neo4j');

const { neo4jSettings, projectRoot } = await import('../src/config.js');
const { connect } = await import('../src/db/connection.js');
const { embeddedJvm, freePort } = await import('../src/db/embedded-neo4j.js');
const { QueryRunner } = await import('../src/db/run.js');
const { applySchema } = await import('../src/db/schema.js');
const { loadFiles, loadTuning } = await import('../src/load/directory.js');
const { cpuMs, memoryMb } = await import('./proc.js');
const { cpuByGroup, processCpuMs, threadCpu } = await import('./ingest-jvm-threads.js');
const { PhaseRecorder, recordPhases } = await import('../src/load/phases.js');
const { corpusDocuments, generateCorpus } = await import('./corpus/generate.js');
const { cypher, cypherNames } = await import('../src/db/cypher.js');

// As npm run load starts its Neo4j (src/cli/load.ts).
embeddedJvm.jit = arg('jit') === 'peak' ? 'peak' : 'quick';
const pdfArg = arg('pdf');
const n = Number(arg('n') ?? 200);
const docsDir = join(dir, 'docs');
mkdirSync(docsDir);
let files: string[];
let label: string;
if (pdfArg !== undefined) {
  const realDir = join(projectRoot, 'tests', 'fixtures', 'real');
  files = pdfArg ? pdfArg.split(',') : readdirSync(realDir).filter((f) => f.endsWith('.pdf')).map((f) => join(realDir, f));
  label = `${files.length} PDFs`;
} else {
  // One document at a time, written and let go: the corpus is not held beside the load.
  files = [];
  for (const d of corpusDocuments(n)) {
    const path = join(docsDir, d.file);
    writeFileSync(path, d.text);
    files.push(path);
  }
  label = `${n} generated text documents`;
}

/** Bytes of the files under `path` (the round's Neo4j data: store files and transaction logs). */
function bytesUnder(path: string): number {
  let total = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    if (e.isDirectory()) total += bytesUnder(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

/** A fresh embedded Neo4j with the schema, warmed up on other documents (then removed). */
async function freshDatabase(round: number) {
  const dataDir = join(dir, `neo4j-${round}`);
  process.env.NEO4J_DATA_DIR = dataDir;
  const db = await connect({ ...neo4jSettings(), uri: undefined, dataDir, boltPort: await freePort(0), heapMb: 1024, pageCacheMb: 512, txTimeoutMs: 60_000 });
  await applySchema(db);
  const runner = new QueryRunner(db);
  // Warm-up (other documents, then removed): the JIT ready before counting, and the parser and
  // planner warm. Not the plans: loadFiles ends by dropping every cached plan (load-resample-indexes:
  // db.prepareForReplanning), so the span plans each of its ~27 statements once, at its first run,
  // as a fresh `npm run load` does (2.3 ms a document at N = 1,000, ninth round's base; --plans).
  const warm = join(dir, `warm-${round}`);
  mkdirSync(warm);
  const warmFiles = generateCorpus(6, 7).map((d) => {
    const path = join(warm, `warmup-${d.file}`);
    writeFileSync(path, d.text);
    return path;
  });
  await loadFiles(runner, warmFiles);
  for (const f of warmFiles) await runner.write('load-delete-document', { file: f.split('/').pop()! });
  return { db, runner, dataDir };
}

/**
 * Cypher plans Neo4j threw away as stale (its statistics drifted past the divergence threshold:
 * each is planned again at its next run) and the reasons, as its debug.log says them.
 */
function stalePlans(dataDir: string): string[] {
  const log = join(dataDir, 'logs', 'debug.log');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('Discarded stale'));
}

/** Rows sent by statement (src/load/phases.ts; empty for a tree from before the recorder counted them). */
function rowsOf(prof: InstanceType<typeof PhaseRecorder>): Map<string, number> {
  const rows: unknown = Reflect.get(prof, 'rows');
  return rows instanceof Map ? rows : new Map();
}

/**
 * Per statement, what the data collector saw over the span: plans (text × plan rows), runs, the
 * compile ms of its first run and of the others (and the longest of those), execution ms, and each
 * plan's operators. A run that finds its plan in the cache still has a compile phase (the cache
 * looked up, the parameters typed): ~0.1-1 ms, and several ms on a busy machine, so a threshold
 * cannot tell a plan made from one found (the ninth round counted 76 runs "≥ 1 ms" as planned; the
 * tenth round's traced load made 24 plans in its span). Each load statement is planned once in the
 * span, at its first run: the query cache's tracer (bench/RESULTS.md, tenth round, ingest) saw no
 * second plan, no stale plan and no eviction.
 */
type PlanCount = { plans: number; runs: number; firstMs: number; othersMs: number; othersMaxMs: number; executionMs: number; operators: string[]; compileUs: number[]; firstStartedMs: number };

/** A collected plan's operators, depth first ("NodeUniqueIndexSeek(Locking)", "NodeByLabelScan" …), each with its estimated rows. */
function operatorsOf(plan: unknown): string[] {
  if (plan === null || typeof plan !== 'object') return [];
  const operator: unknown = Reflect.get(plan, 'operator');
  const rows: unknown = Reflect.get(plan, 'estimatedRows');
  const own = typeof operator === 'string' ? [`${operator}${typeof rows === 'number' ? ` ~${Math.round(rows)}` : ''}`] : [];
  return [...own, ...operatorsOf(Reflect.get(plan, 'lhs')), ...operatorsOf(Reflect.get(plan, 'rhs'))];
}

/** The data collector's rows told apart by statement (the first 300 characters of each statement's text as sent). */
async function plansByStatement(runner: InstanceType<typeof QueryRunner>, sinceMs: number): Promise<Map<string, PlanCount>> {
  const heads = cypherNames().map((name) => ({ name, head: cypher(name).slice(0, 300) }));
  const res = await runner.read('load-plans-retrieve', { maxInvocations: 1_000_000 });
  const out = new Map<string, PlanCount>();
  for (const r of res.records) {
    const query = String(r.get('query'));
    const name = heads.find((h) => h.head === query)?.name ?? `(other) ${query.slice(0, 40).replace(/\s+/g, ' ')}`;
    // Only the runs of the measured span: the collector may hold earlier ones (the schema, the warm-up).
    const numbers = (key: string): number[] => {
      const v: unknown = r.get(key);
      return Array.isArray(v) ? v.map(Number) : [];
    };
    const started = numbers('startedMs');
    const inSpan = (_: number, i: number) => (started[i] ?? 0) >= sinceMs;
    const us = numbers('compileUs').filter(inSpan);
    if (us.length === 0) continue;
    const c = out.get(name) ?? { plans: 0, runs: 0, firstMs: 0, othersMs: 0, othersMaxMs: 0, executionMs: 0, operators: [], compileUs: [], firstStartedMs: Infinity };
    c.plans++;
    c.runs += us.length;
    c.compileUs.push(...us);
    c.executionMs += numbers('executionUs').filter(inSpan).reduce((a, x) => a + x, 0) / 1000;
    c.operators.push(operatorsOf(r.get('plan')).join(' < '));
    const startedInSpan = started.filter(inSpan);
    us.forEach((u, i) => {
      const at = startedInSpan[i] ?? Infinity;
      // The earlier first run (of another row of the same statement) becomes one of the others.
      if (at < c.firstStartedMs) {
        if (c.firstStartedMs !== Infinity) {
          c.othersMs += c.firstMs;
          c.othersMaxMs = Math.max(c.othersMaxMs, c.firstMs);
        }
        c.firstStartedMs = at;
        c.firstMs = u / 1000;
      } else {
        c.othersMs += u / 1000;
        c.othersMaxMs = Math.max(c.othersMaxMs, u / 1000);
      }
    });
    out.set(name, c);
  }
  return out;
}

let db: Awaited<ReturnType<typeof freshDatabase>>['db'] | null = null;
try {
  // Rounds side by side (--batches=1,32,1,32: documents per write transaction), each in a fresh
  // Neo4j, so a change is measured against the old way in one run on one machine state.
  const commit = execSync('git rev-parse --short HEAD', { cwd: projectRoot }).toString().trim();
  const dirty = execSync('git status --porcelain src/load bench/ingest-profile.ts cypher', { cwd: projectRoot }).toString().trim() ? '-dirty' : '';
  const batchSizes = (arg('batches') ?? String(loadTuning.batchDocuments)).split(',').map(Number);
  // JVM options a round: the embedded JVM inherits JAVA_TOOL_OPTIONS (src/db/embedded-neo4j.ts).
  const jvmOptions = arg('jvm')?.split('|');
  const rounds = Math.max(batchSizes.length, jvmOptions?.length ?? 0);
  const batches = Array.from({ length: rounds }, (_, i) => batchSizes[i % batchSizes.length] ?? loadTuning.batchDocuments);
  const jvmOf = (round: number) => (jvmOptions ? (jvmOptions[round % jvmOptions.length] ?? '') : undefined);
  const out: string[] = [];
  const summaries: Record<string, unknown>[] = [];
  const tables = new Map<number, string[]>();
  out.push(`${label}, commit ${commit}${dirty}, ${availableParallelism()} cores`);
  out.push('');
  out.push('| documents a transaction | loaded | wall ms a document | documents/min | Node CPU ms a document | JVM CPU ms a document | statements a document (in write tx) | auto-commit reads a document | write transactions a document | store KB a document (+ transaction logs) | Node peak RSS MB | JVM peak RSS MB | load average (1 min) |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [round, batch] of batches.entries()) {
    if (db) await db.close();
    const jvmOpts = jvmOf(round);
    if (jvmOpts !== undefined) {
      if (jvmOpts) process.env.JAVA_TOOL_OPTIONS = jvmOpts;
      else delete process.env.JAVA_TOOL_OPTIONS;
    }
    const fresh = await freshDatabase(round);
    // Store files and transaction logs apart: Neo4j keeps logs until a checkpoint lets it prune them.
    const logsDir = join(fresh.dataDir, 'data', 'transactions');
    const storeBefore = bytesUnder(fresh.dataDir);
    const logsBefore = bytesUnder(logsDir);
    db = fresh.db;
    const runner = fresh.runner;
    const jvm = db.embedded?.pid;
    loadTuning.batchDocuments = batch;
    const prof = recordPhases(new PhaseRecorder())!;
    const jfrDir = arg('jfr');
    // Started before the clock and stopped after it: jcmd's own start-up is not the load's CPU.
    if (jfrDir && jvm) execSync(`jcmd ${jvm} JFR.start name=ingest settings=profile`, { stdio: 'ignore' });
    const plansWanted = args.includes('--plans');
    if (plansWanted) await runner.write('load-plans-collect');
    const spanStartedMs = Date.now();
    const staleBefore = stalePlans(fresh.dataDir).length;
    const cpuBefore = process.cpuUsage();
    const jvmBefore = jvm ? cpuMs(jvm) : null;
    const threadsBefore = jvm ? threadCpu(jvm) : new Map();
    const jvmProcessBefore = jvm ? processCpuMs(jvm) : null;
    const started = performance.now();
    let loaded = 0;
    const bad: string[] = [];
    // As npm run load asks (keepReports: false): each report to onEach, none held to the end, so
    // Node's peak RSS is the load's, not the bench's (a report holds its document's whole plan).
    await loadFiles(runner, files, { keepReports: false }, (r) => {
      if (r.status === 'LOADED' || r.status === 'REPLACED') loaded++;
    }, (file, err) => bad.push(`${file}: ${err.message}`));
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const jvmMs = jvm && jvmBefore !== null ? (cpuMs(jvm) ?? jvmBefore) - jvmBefore : null;
    const jvmProcessAfter = jvm ? processCpuMs(jvm) : null;
    if (jfrDir && jvm) execSync(`jcmd ${jvm} JFR.stop name=ingest filename=${join(jfrDir, `round-${round + 1}.jfr`)}`, { stdio: 'ignore' });
    const jvmThreads = jvm ? cpuByGroup(threadsBefore, threadCpu(jvm), jvmProcessBefore !== null && jvmProcessAfter !== null ? jvmProcessAfter - jvmProcessBefore : null) : [];
    recordPhases(null);
    let plans: Map<string, PlanCount> | null = null;
    if (plansWanted) {
      await runner.write('load-plans-stop');
      plans = await plansByStatement(runner, spanStartedMs);
    }
    const stale = stalePlans(fresh.dataDir).slice(staleBefore);
    const docs = Math.max(1, loaded);
    // Growth of the data directory over the round (the warm-up's already there), and the peaks: Node's since the bench started, the JVM's since its start.
    const logsKb = (bytesUnder(logsDir) - logsBefore) / 1024 / docs;
    const storeKb = (bytesUnder(fresh.dataDir) - storeBefore) / 1024 / docs - logsKb;
    const nodePeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const jvmPeakMb = memoryMb(jvm, 'VmHWM');
    const nodeMs = (cpu.user + cpu.system) / 1000;
    const line = `| ${batch} | ${loaded}${bad.length ? ` (${bad.length} refused)` : ''} | ${(wallMs / docs).toFixed(1)} | ${Math.round((docs / wallMs) * 60_000)} | ${(nodeMs / docs).toFixed(1)} | ${jvmMs === null ? '?' : (jvmMs / docs).toFixed(1)} | ${(prof.statementCount / docs).toFixed(1)} | ${(prof.reads / docs).toFixed(2)} | ${(prof.transactions / docs).toFixed(3)} | ${storeKb.toFixed(1)} (+ ${logsKb.toFixed(1)}) | ${nodePeakMb} | ${jvmPeakMb ?? '?'} | ${loadavg()[0]!.toFixed(2)} |`;
    out.push(line);
    console.log(line);
    for (const b of bad.slice(0, 5)) console.log(`refused: ${b}`);
    summaries.push({ batch, loaded, wallMs, nodeCpuMs: nodeMs, jvmCpuMs: jvmMs, statements: Object.fromEntries(prof.statements), rows: Object.fromEntries(rowsOf(prof)), reads: prof.reads, transactions: prof.transactions, storeKbPerDocument: storeKb, transactionLogKbPerDocument: logsKb, nodePeakRssMb: nodePeakMb, jvmPeakRssMb: jvmPeakMb, phases: Object.fromEntries(prof.phases), jvmOptions: jvmOpts ?? null, jvmThreadCpuMs: Object.fromEntries(jvmThreads), stalePlans: stale.length, loadavg: loadavg(), plans: plans ? Object.fromEntries(plans) : null });
    const t: string[] = [];
    const pct = (ms: number) => `${((100 * ms) / wallMs).toFixed(1)}%`;
    if (jvmOpts !== undefined) t.push(`Round ${round + 1}: JVM options ${jvmOpts ? `\`${jvmOpts}\`` : '(none)'}`, '');
    if (jvmThreads.length) {
      t.push(`JVM CPU by thread group, ${batch} document(s) a transaction (ms a document):`, '', '| threads | ms a document | % of the JVM |', '|---|---:|---:|');
      const all = jvmThreads.reduce((a, [, ms]) => a + ms, 0);
      for (const [g, ms] of jvmThreads.slice(0, 14)) t.push(`| ${g} | ${(ms / docs).toFixed(2)} | ${((100 * ms) / Math.max(1, all)).toFixed(1)}% |`);
      t.push('');
    }
    t.push(`Plans discarded as stale in the round (debug.log): ${stale.length}`, '', ...stale.slice(0, 8).map((l) => `    ${l.slice(0, 300)}`), '');
    if (plans) {
      const all = [...plans.values()].reduce((a, c) => ({ first: a.first + c.firstMs, others: a.others + c.othersMs, runs: a.runs + c.runs }), { first: 0, others: 0, runs: 0 });
      t.push(`Compile time over the span (data collector, wall time, waits included): the first run of each of ${plans.size} statements ${Math.round(all.first)} ms (${(all.first / docs).toFixed(2)} a document: for the load's statements the plans made, the warm-up having dropped them), the other ${all.runs - plans.size} runs ${Math.round(all.others)} ms (${(all.others / docs).toFixed(2)} a document: plans found)`, '');
      t.push('| statement | runs | plans (text × plan) | first run: compile ms | other runs: compile ms | the longest of them | execution ms in all |', '|---|---:|---:|---:|---:|---:|---:|');
      for (const [name, c] of [...plans.entries()].sort((a, b) => b[1].firstMs - a[1].firstMs)) t.push(`| ${name} | ${c.runs} | ${c.plans} | ${Math.round(c.firstMs)} | ${Math.round(c.othersMs)} | ${c.othersMaxMs.toFixed(1)} | ${Math.round(c.executionMs)} |`);
      t.push('');
      // A plan that scans a label where the statement means to seek each row's node by key grows with the graph.
      const scans = [...plans.entries()].flatMap(([name, c]) => c.operators.filter((o) => /LabelScan|AllNodesScan|NodeIndexScan/.test(o)).map((o) => `- ${name}: ${o.slice(0, 400)}`));
      t.push(`Plans that scan (label, all nodes or a whole index): ${scans.length}`, '', ...scans);
      t.push('');
    }
    t.push(`Phases, ${batch} document(s) a transaction (wall time; a phase inside another counts in both; the worker's run beside the main thread's):`);
    t.push('');
    t.push('| phase | total ms | % of wall | ms a document | times |');
    t.push('|---|---:|---:|---:|---:|');
    for (const [name, x] of [...prof.phases.entries()].sort((a, b) => b[1].ms - a[1].ms)) t.push(`| ${name} | ${Math.round(x.ms)} | ${pct(x.ms)} | ${(x.ms / docs).toFixed(2)} | ${x.count} |`);
    t.push('');
    t.push('| statement | a document | rows sent a document |');
    t.push('|---|---:|---:|');
    const rows = rowsOf(prof);
    for (const [name, c] of [...prof.statements.entries()].sort((a, b) => b[1] - a[1])) t.push(`| ${name} | ${(c / docs).toFixed(2)} | ${rows.has(name) ? ((rows.get(name) ?? 0) / docs).toFixed(1) : '?'} |`);
    tables.set(round, t);
  }
  out.push('');
  for (const t of tables.values()) out.push(...t, '');
  console.log(`\n${out.join('\n')}`);
  const json = arg('json');
  if (json) writeFileSync(json, JSON.stringify({ label, commit: commit + dirty, rounds: summaries }, null, 2));
} finally {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
}
