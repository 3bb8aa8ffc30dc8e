// The documented questions on graphs of different sizes side by side (#41 item 3: "the questions'
// p50 / p99 at 10,000 beside 1,000"). Each --dirs entry is a data directory kept by
// bench/api-profile.ts (`--dir=D --n=N` loads N generated documents once into D/neo4j); every graph
// gets its own Neo4j and its own server (answer cache off), all running at once, and each cell is
// taken in --rounds stretches with the graphs in turns (reversed every other round), so a shared
// machine's drift falls on every size alike. Per question and graph it records what the answer
// holds (bytes, list items, totalCount) beside what it cost (p50 / p99 / req/s, the JVM's and the
// server's CPU a request) and, with --profile, the work of each of its statements in Neo4j (PROFILE:
// db hits and rows, the operators doing most of it), so a question whose cost grows faster than its
// answer can be told from one that only answers more.
//
//   flock /tmp/h/heavy.lock npx tsx bench/api-profile.ts --dir=/tmp/scale-10k --n=10000 --queries=none
//   flock /tmp/h/heavy.lock npx tsx bench/scale.ts --dirs=/tmp/scale-1k,/tmp/scale-10k --profile --out=/tmp/scale.json
//
// --server=DIR starts the servers from another checkout (a worktree of the commit measured);
// --concurrency=1,10, --duration=ms a cell (all rounds), --queries=a,b by name; --profile-only
// asks each question once and PROFILEs it, no timing.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { graphql } from 'graphql';
import neo4j from 'neo4j-driver';
import { neo4jSettings, projectRoot } from '../src/config.js';
import { connect, type Database } from '../src/db/connection.js';
import { freePort } from '../src/db/embedded-neo4j.js';
import { buildApiSchema } from '../src/api/schema.js';
import { createContext } from '../src/api/context.js';
import { childPids, cpuMs } from './proc.js';
import { httpTask, merge, sample, type LoadSample } from './load-generator.js';
import { answerShape, answerVariants, benchQueries, pickTargets, scaleQueries, type BenchQuery } from './queries.js';
import { planWork, type PlanWork } from './plan-work.js';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
/** Each `DATA[@CHECKOUT]`: a kept graph, and the checkout whose server answers on it (default --server). */
const dirs = (arg('dirs') ?? '/tmp/scale-1k,/tmp/scale-10k').split(',');
const concurrencies = (arg('concurrency') ?? '1,10').split(',').map(Number);
const durationMs = Number(arg('duration') ?? 6000);
const rounds = Number(arg('rounds') ?? 2);
const only = arg('queries')?.split(',');
const serverDir = arg('server') ?? projectRoot;
const withProfile = args.includes('--profile') || args.includes('--profile-only');
const profileOnly = args.includes('--profile-only');
const out = arg('out');
/** `--answers=FILE`: ask each variant of answerVariants once per graph and write the answers' text (no timing). */
const answersOut = arg('answers');
const log = (msg: string) => console.log(`scale: ${msg}`);

function leafPid(pid: number): number {
  const children = childPids(pid);
  return children.length ? leafPid(children[0]!) : pid;
}

function start(command: string[], env: Record<string, string>, ready: RegExp, cwd: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const onLine = (line: string) => ready.test(line) && resolve(child);
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}`)));
  });
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: unknown; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return { ...(JSON.parse(text) as { data?: unknown; errors?: unknown }), text };
}

interface Graph {
  dir: string;
  /** N, and which checkout serves it when several do ("1000 after"). */
  label: string;
  documents: number;
  db: Database;
  server: ChildProcess;
  url: string;
  serverPid: number;
  jvmPid: number | null;
}

async function openGraph(entry: string, tagged: boolean): Promise<Graph> {
  const [dir = entry, checkout = serverDir] = entry.split('@');
  const dataDir = join(dir, 'neo4j');
  const documents = Number(readFileSync(join(dir, 'loaded'), 'utf8').trim());
  const db = await connect({ ...neo4jSettings(), uri: undefined, dataDir, boltPort: await freePort(0), heapMb: 1536, pageCacheMb: 1024, txTimeoutMs: 60_000 });
  const auth = { NEO4J_USER: db.embedded!.user, NEO4J_PASSWORD: db.embedded!.password, NEO4J_URI: db.embedded!.uri };
  const port = await freePort(0);
  const env = { ...auth, PORT: String(port), HOST: '127.0.0.1', BUDGET_GRAPH_LOAD_ON_START: '0', BUDGET_GRAPH_CACHE: '0', BUDGET_GRAPH_CLIENT_LIMITS: '0' };
  const server = await start([process.execPath, '--import', 'tsx', 'src/main.ts'], env, /GraphQL ready/, checkout);
  const label = tagged ? `${documents} ${basename(checkout)}` : String(documents);
  return { dir, label, documents, db, server, url: `http://127.0.0.1:${port}/graphql`, serverPid: leafPid(server.pid!), jvmPid: db.embedded?.pid ?? null };
}

/**
 * PROFILE each statement the question runs (recorded from one in-process answer): the statements
 * of the checkout this bench runs from, whichever server answers the timed requests. A hint naming
 * an index the graph lacks is ignored by Neo4j (dbms.cypher.hints_error is off), not refused.
 */
async function profileQuestion(db: Database, schema: Awaited<ReturnType<typeof buildApiSchema>>, q: BenchQuery): Promise<PlanWork[]> {
  const ctx = createContext(db);
  const statements: { name: string; text: string; params: Record<string, unknown> }[] = [];
  ctx.runner.observe = (name, text, params) => statements.push({ name, text, params: params as Record<string, unknown> });
  const answer = await graphql({ schema, source: q.bg.query, variableValues: q.bg.variables, contextValue: ctx });
  if (answer.errors?.length) throw new Error(`${q.name}: ${answer.errors[0]!.message}`);
  const work: PlanWork[] = [];
  for (const s of statements) {
    const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
    try {
      // Twice: the first plans it (PROFILE is its own cache entry), the second is the one kept.
      await session.run(`PROFILE ${s.text}`, s.params);
      const res = await session.run(`PROFILE ${s.text}`, s.params);
      work.push(planWork(res.summary.profile, s.name));
    } finally {
      await session.close();
    }
  }
  return work;
}

interface Cell {
  graph: Graph;
  samples: LoadSample[];
  neo4jMs: number;
  serverMs: number;
}

async function main(): Promise<void> {
  const graphs: Graph[] = [];
  const results: unknown[] = [];
  try {
    for (const dir of dirs) {
      graphs.push(await openGraph(dir, dirs.some((d) => d.includes('@'))));
      log(`${dir}: ${graphs.at(-1)!.label}, server ${graphs.at(-1)!.url}`);
    }
    const schema = withProfile ? await buildApiSchema() : null;
    const targets = new Map<Graph, Awaited<ReturnType<typeof pickTargets>>>();
    for (const g of graphs) {
      targets.set(g, await pickTargets((query) => post(g.url, query)));
      log(`${g.label}: targets ${JSON.stringify(targets.get(g))}`);
    }
    if (answersOut) {
      const answers: { graph: string; name: string; text: string }[] = [];
      for (const g of graphs) {
        for (const v of answerVariants(targets.get(g)!)) {
          let res = await post(g.url, v.query, v.variables);
          answers.push({ graph: g.label, name: v.name, text: res.text });
          // The next page after the first one's cursor, when the variant names where it is.
          const cursor = v.cursor?.(res.data);
          if (cursor) {
            res = await post(g.url, v.query, { ...v.variables, after: cursor });
            answers.push({ graph: g.label, name: `${v.name}, page 2`, text: res.text });
          }
        }
        log(`${g.label}: ${answers.filter((a) => a.graph === g.label).length} answers`);
      }
      writeFileSync(answersOut, `${JSON.stringify(answers, null, 1)}\n`);
      return;
    }
    const names = [...benchQueries(targets.get(graphs[0]!)!), ...scaleQueries(targets.get(graphs[0]!)!)].map((q) => q.name).filter((n) => !only || only.some((o) => n.includes(o)));
    for (const name of names) {
      const question = (g: Graph) => [...benchQueries(targets.get(g)!), ...scaleQueries(targets.get(g)!)].find((q) => q.name === name)!;
      const cells: Cell[] = [];
      for (const g of graphs) {
        const q = question(g);
        const first = await post(g.url, q.bg.query, q.bg.variables);
        if (first.errors) throw new Error(`${g.documents} ${name}: ${JSON.stringify(first.errors).slice(0, 300)}`);
        const shape = answerShape(first.data);
        const plans = schema ? await profileQuestion(g.db, schema, q) : [];
        const dbHits = plans.reduce((n, p) => n + p.dbHits, 0);
        log(`${name} | N=${g.label} | ${first.text.length} bytes | ${shape.items} items | totalCount ${shape.totalCount ?? '—'} | ${plans.length} statements | db hits ${dbHits} | ${plans.map((p) => `${p.statement}: ${p.dbHits} hits, top ${p.top.map((o) => `${o.operator}(${o.dbHits} hits, ${o.rows} rows)`).join(', ')}`).join(' ; ')}`);
        results.push({ kind: 'answer', question: name, graph: g.label, documents: g.documents, bytes: first.text.length, ...shape, dbHits, plans });
        cells.push({ graph: g, samples: [], neo4jMs: 0, serverMs: 0 });
      }
      if (profileOnly) continue;
      for (const c of concurrencies) {
        const runs = cells.map((cell) => {
          // What the failed requests said, each distinct text once with its count (a timeout,
          // a refusal, a cap), so an error in the table can be explained, not only counted.
          const failures = new Map<string, number>();
          const task = httpTask(cell.graph.url, JSON.stringify(question(cell.graph).bg), undefined, (what) => failures.set(what, (failures.get(what) ?? 0) + 1));
          return { ...cell, samples: [] as LoadSample[], neo4jMs: 0, serverMs: 0, task, failures };
        });
        for (const r of runs) await sample(r.task, c, 800);
        // The warm-up's failures are not the cell's: the counts below match its errors.
        for (const r of runs) r.failures.clear();
        for (let round = 0; round < rounds; round++) {
          for (const r of round % 2 ? [...runs].reverse() : runs) {
            const jvm0 = r.graph.jvmPid ? cpuMs(r.graph.jvmPid) ?? 0 : 0;
            const srv0 = cpuMs(r.graph.serverPid) ?? 0;
            r.samples.push(await sample(r.task, c, durationMs / rounds));
            r.neo4jMs += (r.graph.jvmPid ? cpuMs(r.graph.jvmPid) ?? 0 : 0) - jvm0;
            r.serverMs += (cpuMs(r.graph.serverPid) ?? 0) - srv0;
          }
        }
        for (const r of runs) {
          const m = merge(r.samples);
          const per = (ms: number) => +(ms / Math.max(1, m.requests)).toFixed(2);
          const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
          log(`SUMMARY | ${name} | N=${r.graph.label} | c=${c} | p50 ${m.p50} ms | p99 ${m.p99} ms | ${m.rps} req/s | errors ${m.errors} | Neo4j CPU ${per(r.neo4jMs)} ms/req | server CPU ${per(r.serverMs)} ms/req | load ${load}`);
          const perRound = r.samples.map((x) => +(x.latencies.length / x.seconds).toFixed(1));
          log(`ROUNDS | ${name} | N=${r.graph.label} | c=${c} | req/s ${perRound.join(' / ')}`);
          for (const [what, n] of r.failures) log(`FAILED | ${name} | N=${r.graph.label} | c=${c} | ${n} x ${what}`);
          results.push({ kind: 'timing', question: name, graph: r.graph.label, documents: r.graph.documents, concurrency: c, ...m, rpsByRound: perRound, failures: Object.fromEntries(r.failures), neo4jCpuMs: per(r.neo4jMs), serverCpuMs: per(r.serverMs), loadAverage: load, at: new Date().toISOString() });
        }
      }
    }
  } finally {
    for (const g of graphs) g.server.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 1500));
    for (const g of graphs) await g.db.close();
  }
  if (out) writeFileSync(out, `${JSON.stringify({ dirs, serverDir, concurrencies, durationMs, rounds, results }, null, 2)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
