// The soak without the answer cache (issue 36 item 5) for npm run stress's `uncached` part: does
// the server's and the embedded Neo4j's memory settle when every request runs its Cypher?
//   1. The bench corpus (bench/corpus, `documents` of them, 1,000 by default: the graph the
//      bench's query figures are taken on) is written to a folder and loaded by a server started
//      on it (BUDGET_GRAPH_DATA, load on start), which is then stopped.
//   2. A server is started again on that store with the answer cache off (BUDGET_GRAPH_CACHE=0),
//      no loading and no per-client limits: a fresh JVM, as after a deployment's restart.
//   3. `clients` closed-loop clients ask the bench's questions (bench/queries.ts) about a rotation
//      of targets (codes, projects, documents, departments, search words) for `minutes` minutes.
//   4. Every minute: the JVM's RSS (/proc/<pid>/status), its heap used and committed and its old
//      generation after the last collection (dbms.queryJmx over Bolt, as the store's own user),
//      the server's RSS and V8 heap (bench/stress/heap-probe.cjs, loaded into it with --require),
//      and the requests of that minute: count, statuses, p50 / p99 / max latency.
// It fails when either RSS series grows after settling (bench/stress/soak-growth.ts states the
// rule), when any answer is not a clean 200 (a 5xx, a transport failure, an error in the answer:
// every question asked is valid), or when the JVM was restarted or the server died.
import type { ChildProcess } from 'node:child_process';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import { projectRoot } from '../../src/config.js';
import { freePort } from '../../src/db/embedded-neo4j.js';
import { generateCorpus } from '../corpus/generate.js';
import { PROJECT_STEMS } from '../corpus/vocabulary.js';
import { memoryMb } from '../proc.js';
import { benchQueries, type Targets } from '../queries.js';
import { GROWTH_RULE, growthVerdict, jvmVerdict, MIN_WINDOW, settleMinutesFor, type GrowthVerdict, type JvmVerdict } from './soak-growth.js';

export interface SoakServer {
  url: string;
  child: ChildProcess;
  jvmPid(): number | undefined;
  stop(): Promise<void>;
}

/** How bench/stress.ts starts a server (embedded Neo4j in `dataDir`), with these extras. */
export type StartServer = (dataDir: string, env: Record<string, string>, extra: { nodeArgs?: string[]; readyTimeoutMs?: number; onLine?: (line: string) => void }) => Promise<SoakServer>;

export interface UncachedSoakOptions {
  minutes: number;
  clients: number;
  documents: number;
  /** Minutes not judged at the start (default: a third of the run, at most 10). */
  settleMinutes?: number;
}

export interface SoakMinute {
  minute: number;
  jvmRssMb: number | null;
  jvmHeapUsedMb: number | null;
  jvmHeapCommittedMb: number | null;
  /** G1's old generation now, and after its last collection (null: none yet): what the heap keeps. */
  jvmOldMb: number | null;
  jvmOldAfterGcMb: number | null;
  /** Metaspace, code cache and other non-heap pools, committed. */
  jvmNonHeapMb: number | null;
  nodeRssMb: number | null;
  nodeHeapUsedMb: number | null;
  nodeHeapTotalMb: number | null;
  requests: number;
  /** "200", or "<status> <code>" (status 0: no answer: timeout or connection error). */
  statuses: Record<string, number>;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export interface UncachedSoak {
  minutes: number;
  clients: number;
  documents: number;
  commit: string;
  machine: { nproc: number; memoryGiB: number; cpu: string; node: string };
  heapMb: number;
  pageCacheMb: number;
  loadSeconds: number;
  loadRefused: number;
  /** Questions of bench/queries.ts, and distinct requests in the rotation (questions × targets). */
  questions: number;
  requestKinds: number;
  minutesSampled: SoakMinute[];
  statuses: Record<string, number>;
  requests: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  jvmRestarts: number;
  serverStayedUp: boolean;
  jmx: boolean;
  jvm: JvmVerdict;
  node: GrowthVerdict;
  notCleanAnswers: number;
  pass: boolean;
  failures: string[];
}

const HEAP_MB = 1024;
const PAGE_CACHE_MB = 512;
const mb = (bytes: number | null | undefined) => (typeof bytes === 'number' ? Math.round(bytes / 2 ** 20) : null);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : null);

/** The commit, and whether the code the server is built from (src/, neo4j/) differs from it. */
function commitOf(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: projectRoot }).toString().trim();
    const dirty = execSync('git status --porcelain -- src neo4j', { cwd: projectRoot }).toString().trim();
    return dirty ? `${head} (src/ or neo4j/ with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

interface Request {
  name: string;
  body: string;
}

async function ask(url: string, body: string): Promise<{ key: string; ms: number }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    const at = text.indexOf('"errors"');
    const code = at < 0 ? null : (/"code":"([A-Z_]+)"/.exec(text.slice(at))?.[1] ?? 'ERROR');
    return { key: res.status === 200 && code === null ? '200' : `${res.status} ${code ?? ''}`.trim(), ms: Math.round(performance.now() - t0) };
  } catch (err) {
    return { key: `0 ${err instanceof Error ? err.name : 'ERROR'}`, ms: Math.round(performance.now() - t0) };
  }
}

/** Several targets of each kind from the loaded graph, so the rotation asks about different things. */
async function targetSets(url: string, count: number): Promise<Targets[]> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ codes: aggregate(measure: PROJECT, groupBy: [FUNCTION_ITEM], first: ${count}, orderBy: [{ field: AMOUNT, direction: DESC }]) { cells { code } }
        projects(first: ${count}, orderBy: [{ field: AMOUNT, direction: DESC }]) { nodes { id } }
        documents(filter: { kind: BUDGET }, first: ${count}) { nodes { id } }
        anomalies(first: 100) { nodes { document { department { name } } } } }`,
    }),
  });
  const q = (await res.json()) as any;
  if (q.errors) throw new Error(`soak: could not pick targets: ${JSON.stringify(q.errors).slice(0, 400)}`);
  const codes: string[] = q.data.codes.cells.map((c: { code: string }) => c.code).filter(Boolean);
  const projects: string[] = q.data.projects.nodes.map((n: { id: string }) => n.id);
  const documents: string[] = q.data.documents.nodes.map((n: { id: string }) => n.id);
  const departments = [...new Set<string>(q.data.anomalies.nodes.map((n: any) => n.document?.department?.name).filter(Boolean))];
  const words = PROJECT_STEMS.map((s) => s.slice(0, 2));
  if (!codes.length || !projects.length || !documents.length || !departments.length) throw new Error(`soak: the graph lacks targets (${codes.length} codes, ${projects.length} projects, ${documents.length} documents, ${departments.length} departments)`);
  return Array.from({ length: count }, (_, i) => ({ code: codes[i % codes.length]!, projectId: projects[i % projects.length]!, documentId: documents[i % documents.length]!, department: departments[i % departments.length]!, searchText: words[i % words.length]! }));
}

/** The JVM's heap through Bolt (null where dbms.queryJmx is not there). */
function jmxReader(boltPort: number, password: string, log: (m: string) => void) {
  let told = false;
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true, connectionAcquisitionTimeout: 10_000, maxConnectionPoolSize: 1 });
  return {
    async read(): Promise<{ used: number | null; committed: number | null; old: number | null; oldAfterGc: number | null; nonHeap: number | null } | null> {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        // Each attribute is { description, value: { description, properties: { init, used, committed, max } } }.
        const r = await session.run(
          `CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
           WITH attributes.HeapMemoryUsage.value.properties AS heap, attributes.NonHeapMemoryUsage.value.properties AS nonHeap
           CALL dbms.queryJmx('java.lang:type=MemoryPool,name=G1 Old Gen') YIELD attributes
           RETURN heap, nonHeap, attributes.Usage.value.properties AS old, attributes.CollectionUsage.value.properties AS oldAfter`,
          {},
          { timeout: 10_000 },
        );
        const rec = r.records[0];
        type Usage = { used?: number; committed?: number } | undefined;
        const heap = rec?.get('heap') as Usage;
        if (heap?.used === undefined) throw new Error(`no HeapMemoryUsage in its answer: ${JSON.stringify(rec?.toObject()).slice(0, 300)}`);
        const oldAfter = mb((rec!.get('oldAfter') as Usage)?.used);
        return { used: mb(heap.used), committed: mb(heap.committed), old: mb((rec!.get('old') as Usage)?.used), oldAfterGc: oldAfter === 0 ? null : oldAfter, nonHeap: mb((rec!.get('nonHeap') as Usage)?.committed) };
      } catch (err) {
        if (!told) log(`uncached soak: the JVM's heap cannot be read through dbms.queryJmx: ${err instanceof Error ? err.message : String(err)}`);
        told = true;
        return null;
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}

export async function uncachedSoak(start: StartServer, opts: UncachedSoakOptions, log: (m: string) => void = (m) => console.error(`stress: ${m}`)): Promise<UncachedSoak> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-graph-soak-'));
  const corpusDir = join(dir, 'corpus');
  const dataDir = join(dir, 'neo4j');
  mkdirSync(corpusDir);
  try {
    // 1. The corpus, loaded by a server of its own.
    const docs = generateCorpus(opts.documents);
    for (const d of docs) writeFileSync(join(corpusDir, d.file), d.text);
    log(`uncached soak: loading ${docs.length} bench corpus documents`);
    const t0 = performance.now();
    let refused = 0;
    const loader = await start(dataDir, { BUDGET_GRAPH_DATA: corpusDir, BUDGET_GRAPH_LOAD_ON_START: '1' }, {
      readyTimeoutMs: 60 * 60_000,
      onLine: (line) => {
        const m = /^budget-graph: (\d+)\/(\d+) /.exec(line);
        if (m && (Number(m[1]) % 100 === 0 || m[1] === m[2])) log(`uncached soak: loaded ${m[1]}/${m[2]}`);
        if (/NOT LOADED/.test(line)) refused++;
      },
    });
    await loader.stop();
    const loadSeconds = Math.round((performance.now() - t0) / 1000);
    log(`uncached soak: loaded in ${loadSeconds} s (${refused} refused)`);

    // 2. The server without the answer cache, on a fresh JVM.
    const boltPort = await freePort(0);
    let node: { rss: number; heapUsed: number; heapTotal: number } | null = null;
    const server = await start(dataDir, { BUDGET_GRAPH_DATA: corpusDir, BUDGET_GRAPH_LOAD_ON_START: '0', BUDGET_GRAPH_CACHE: '0', BUDGET_GRAPH_CLIENT_LIMITS: '0', NEO4J_BOLT_PORT: String(boltPort), NEO4J_HEAP_MB: String(HEAP_MB), NEO4J_PAGECACHE_MB: String(PAGE_CACHE_MB) }, {
      nodeArgs: ['--require', join(projectRoot, 'bench', 'stress', 'heap-probe.cjs')],
      onLine: (line) => {
        const m = /^soak-memory: (\{.*\})$/.exec(line);
        if (m) node = JSON.parse(m[1]!);
      },
    });
    const jmx = jmxReader(boltPort, readFileSync(join(dataDir, 'budget-graph.password'), 'utf8').trim(), log);
    try {
      // 3. The rotation: every question of the bench about each of 12 target sets; each asked once
      // first, so a question the graph cannot answer stops the run here, not as soak errors.
      const requests: Request[] = (await targetSets(server.url, 12)).flatMap((t) => benchQueries(t).map((q) => ({ name: q.name, body: JSON.stringify(q.bg) })));
      for (const r of requests) {
        const a = await ask(server.url, r.body);
        if (a.key !== '200') throw new Error(`soak: "${r.name}" answered ${a.key} before the soak (${r.body.slice(0, 200)})`);
      }
      log(`uncached soak: ${opts.clients} clients for ${opts.minutes} minutes over ${requests.length} requests (${new Set(requests.map((r) => r.name)).size} questions)`);

      // 4. The soak, sampled every minute.
      const samples: SoakMinute[] = [];
      let minute = { statuses: {} as Record<string, number>, latencies: [] as number[] };
      const all = { statuses: {} as Record<string, number>, latencies: [] as number[] };
      const firstJvm = server.jvmPid();
      let jvmRestarts = 0;
      let lastJvm = firstJvm;
      let jmxWorked = false;
      const sample = async (m: number) => {
        const done = minute;
        minute = { statuses: {}, latencies: [] };
        const pid = server.jvmPid();
        if (pid !== lastJvm) {
          jvmRestarts++;
          log(`uncached soak: the JVM changed from ${lastJvm} to ${pid}`);
          lastJvm = pid;
        }
        const heap = await jmx.read();
        if (heap) jmxWorked = true;
        const sorted = done.latencies.sort((a, b) => a - b);
        const n = node as { rss: number; heapUsed: number; heapTotal: number } | null;
        const s: SoakMinute = {
          minute: m,
          jvmRssMb: memoryMb(pid, 'VmRSS'),
          jvmHeapUsedMb: heap?.used ?? null,
          jvmHeapCommittedMb: heap?.committed ?? null,
          jvmOldMb: heap?.old ?? null,
          jvmOldAfterGcMb: heap?.oldAfterGc ?? null,
          jvmNonHeapMb: heap?.nonHeap ?? null,
          nodeRssMb: memoryMb(server.child.pid, 'VmRSS'),
          nodeHeapUsedMb: mb(n?.heapUsed),
          nodeHeapTotalMb: mb(n?.heapTotal),
          requests: sorted.length,
          statuses: done.statuses,
          p50Ms: pct(sorted, 50),
          p99Ms: pct(sorted, 99),
          maxMs: sorted.length ? sorted.at(-1)! : null,
        };
        samples.push(s);
        log(`uncached soak: minute ${m}: JVM RSS ${s.jvmRssMb} MB (heap ${s.jvmHeapUsedMb}/${s.jvmHeapCommittedMb} MB, old gen ${s.jvmOldMb}/${s.jvmOldAfterGcMb ?? '-'} MB, non-heap ${s.jvmNonHeapMb} MB), server RSS ${s.nodeRssMb} MB (heap ${s.nodeHeapUsedMb} MB); ${s.requests} requests ${JSON.stringify(s.statuses)}, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms`);
      };
      await sample(0);
      const started = performance.now();
      const deadline = started + opts.minutes * 60_000;
      const worker = async (w: number) => {
        for (let i = w * Math.ceil(requests.length / opts.clients); performance.now() < deadline && server.child.exitCode === null; i++) {
          const a = await ask(server.url, requests[i % requests.length]!.body);
          for (const bucket of [minute, all]) {
            bucket.statuses[a.key] = (bucket.statuses[a.key] ?? 0) + 1;
            bucket.latencies.push(a.ms);
          }
        }
      };
      const workers = Promise.all(Array.from({ length: opts.clients }, (_, w) => worker(w)));
      for (let m = 1; m < opts.minutes; m++) {
        await sleep(Math.max(0, started + m * 60_000 - performance.now()));
        await sample(m);
      }
      await workers;
      await sample(opts.minutes);

      // 5. The verdict.
      const settle = opts.settleMinutes ?? settleMinutesFor(opts.minutes);
      const jvm = jvmVerdict(samples, settle);
      const nodeVerdict = growthVerdict(samples.map((s) => s.nodeRssMb), { ...GROWTH_RULE, settleMinutes: settle });
      const notClean = Object.entries(all.statuses).filter(([k]) => k !== '200');
      const serverStayedUp = server.child.exitCode === null;
      const failures: string[] = [];
      if (!jvm.offHeap.pass) failures.push(`JVM off-heap (RSS − committed heap): ${jvm.offHeap.reason}`);
      if (!jvm.retained.pass) failures.push(`JVM heap retained after collections: ${jvm.retained.reason}`);
      if (!nodeVerdict.pass) failures.push(`server RSS: ${nodeVerdict.reason}`);
      if (notClean.length) failures.push(`answers other than a clean 200: ${notClean.map(([k, v]) => `${k}: ${v}`).join(', ')}`);
      if (jvmRestarts) failures.push(`the JVM was restarted ${jvmRestarts} time(s)`);
      if (!serverStayedUp) failures.push('the server exited');
      const sorted = all.latencies.sort((a, b) => a - b);
      return {
        minutes: opts.minutes,
        clients: opts.clients,
        documents: docs.length,
        commit: commitOf(),
        machine: { nproc: cpus().length, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
        heapMb: HEAP_MB,
        pageCacheMb: PAGE_CACHE_MB,
        loadSeconds,
        loadRefused: refused,
        questions: new Set(requests.map((r) => r.name)).size,
        requestKinds: requests.length,
        minutesSampled: samples,
        statuses: all.statuses,
        requests: sorted.length,
        p50Ms: pct(sorted, 50),
        p99Ms: pct(sorted, 99),
        maxMs: sorted.length ? sorted.at(-1)! : null,
        jvmRestarts,
        serverStayedUp,
        jmx: jmxWorked,
        jvm,
        node: nodeVerdict,
        notCleanAnswers: notClean.reduce((s, [, v]) => s + v, 0),
        pass: failures.length === 0,
        failures,
      };
    } finally {
      await jmx.close();
      await server.stop();
    }
  } catch (err) {
    // The folder goes with the run: what the launcher said goes into the run's output first.
    try {
      log(`uncached soak: failed; the end of the Neo4j launcher's log:\n${readFileSync(join(dir, 'neo4j-launcher.log'), 'utf8').slice(-3_000)}`);
    } catch {
      // no log: the failure came before Neo4j started
    }
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The section of bench/STRESS.md. */
export function uncachedSoakReport(s: UncachedSoak): string[] {
  const v = (x: GrowthVerdict) => (x.judged ? `${x.pass ? 'pass' : 'FAIL'}: ${x.reason}` : x.reason);
  const cell = (x: number | null) => (x === null ? '—' : String(x));
  return [
    '',
    `### Soak without the answer cache: ${s.clients} clients for ${s.minutes} minutes on the bench corpus (${s.documents} documents)`,
    '',
    `Commit ${s.commit}; ${s.machine.nproc} cores (nproc; ${s.machine.cpu}), ${s.machine.memoryGiB} GiB of memory, Node ${s.machine.node}; embedded Neo4j with -Xms256m -Xmx${s.heapMb}m, page cache ${s.pageCacheMb} MB. The corpus was loaded by a server of its own in ${s.loadSeconds} s (${s.loadRefused} refused); a fresh server on that store then served the bench's ${s.questions} questions (bench/queries.ts) about 12 target sets (${s.requestKinds} distinct requests) with BUDGET_GRAPH_CACHE=0, each client asking the next as soon as the last was answered. Memory sampled at each minute: RSS from /proc/<pid>/status, the JVM's heap through dbms.queryJmx${s.jmx ? '' : ' (not available in this run: —)'}, the server's V8 heap from inside it (bench/stress/heap-probe.cjs, every 5 s).`,
    '',
    `Growth rule (bench/stress/soak-growth.ts): the first ${s.node.settleMinutes} minute(s) settle and are not judged (a third of the run, at most 10); over the rest (${MIN_WINDOW} samples at least, else no verdict on growth), a series fails if its least-squares slope is above ${GROWTH_RULE.maxSlopeMbPerMin} MB/min and its fitted rise is over ${GROWTH_RULE.noiseFactor}× the minute-to-minute wiggle (residual standard deviation), or if it ends more than ${GROWTH_RULE.maxRiseOverSettled * 100}% above the settle period's highest. The server is judged on its RSS; the JVM on its RSS minus its committed heap (off-heap: page cache, threads, native buffers) and on its old generation after collections (what the heap keeps), not on its whole RSS, which steps up as the heap is committed toward -Xmx${s.heapMb}m (bounded by configuration; its whole-RSS verdict is given for the record). Any answer that is not a clean 200 fails the soak too.`,
    '',
    `**Verdict: ${!s.pass ? 'FAIL' : s.jvm.offHeap.judged && s.node.judged ? 'pass' : 'pass on the answers; memory growth not judged (a check run: too few minutes after settling)'}.** JVM off-heap ${v(s.jvm.offHeap)}. JVM heap retained after collections ${v(s.jvm.retained)}. JVM whole RSS (for the record) ${v(s.jvm.rss)}; heap committed at most ${s.jvm.heapCommittedMaxMb ?? '—'} MB of ${s.heapMb}. Server RSS ${v(s.node)}. ${s.requests} requests (${Math.round(s.requests / (s.minutes * 60))} req/s): ${Object.entries(s.statuses).map(([k, n]) => `${k}: ${n}`).join(', ')}; p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms; JVM restarts ${s.jvmRestarts}; server stayed up: ${s.serverStayedUp}.${s.failures.length ? ` Failures: ${s.failures.join('; ')}.` : ''}`,
    '',
    'JVM old gen: G1 Old Gen now / after its last collection (— while it has had none). Non-heap: metaspace, code cache and the like, committed. What RSS holds beyond the heap committed and the non-heap is mostly the page cache (off-heap, filled as the store is read), thread stacks and native buffers.',
    '',
    '| minute | JVM RSS MB | JVM heap used / committed MB | JVM old gen MB | JVM non-heap MB | server RSS MB | server heap used / total MB | requests | not 200 | p50 ms | p99 ms | max ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|',
    ...s.minutesSampled.map((m) => {
      const bad = Object.entries(m.statuses).filter(([k]) => k !== '200');
      return `| ${m.minute} | ${cell(m.jvmRssMb)} | ${cell(m.jvmHeapUsedMb)} / ${cell(m.jvmHeapCommittedMb)} | ${cell(m.jvmOldMb)} / ${cell(m.jvmOldAfterGcMb)} | ${cell(m.jvmNonHeapMb)} | ${cell(m.nodeRssMb)} | ${cell(m.nodeHeapUsedMb)} / ${cell(m.nodeHeapTotalMb)} | ${m.requests} | ${bad.length ? bad.map(([k, n]) => `${k}: ${n}`).join(', ') : '0'} | ${cell(m.p50Ms)} | ${cell(m.p99Ms)} | ${cell(m.maxMs)} |`;
    }),
    '',
  ];
}
