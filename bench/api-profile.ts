// The API's CPU per request, question by question (#41 item 4): a Neo4j holding N generated
// documents (kept between runs in --dir, so a change to the server is measured without loading
// again), the server started as `npm run bench` starts it (answer cache off), each question asked
// in a closed loop, and the server process's CPU read from /proc before and after. `--prof` runs
// the server under `node --cpu-prof` and writes its profile to --dir/prof/; `--peer` measures
// @neo4j/graphql's server on the same graph beside it; `--floor` the question's own statements
// replayed by the driver alone (bench/raw-cypher.ts), in this process, whose CPU is then its CPU;
// each cell also reads the JVM's CPU (the one Neo4j all contenders share) around its stretches; `--baseline=DIR` a second Budget Graph
// server started from another checkout (a `git worktree` of the commit before a change), so a
// change is measured against what it replaces in one run (`--baseline=DIR1,DIR2`: several, each
// named by its folder, so that each of a few changes is measured in the same run). `--rounds=N`
// takes each cell in N stretches, the contenders in turns (reversed every other round), so a
// shared machine's load falls on all of them alike; a summary line per question gives the ratios.
// `--bare`: bench/bare-server.ts beside it (our schema, context, loaders and readings behind
// node:http and graphql-js alone): what the HTTP front and Apollo's pipeline cost a request;
// `--bare=execute,apollo,warm`: that, the same behind a plain Apollo Server (no plugin of ours),
// and execute again after the warm-up our server runs before it takes requests.
// With `--baseline`, each question's first answer from every baseline is compared with this
// checkout's byte for byte (its
// `extensions` aside) and the run stops on a difference: a speed change must not change an answer.
//
//   flock /tmp/h/heavy.lock npx tsx bench/api-profile.ts --dir=/tmp/api-prof --n=1000 --queries=document,lineage
//   flock /tmp/h/heavy.lock npx tsx bench/api-profile.ts --peer --floor --baseline=/tmp/before --rounds=4 --concurrency=50
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { neo4jSettings, projectRoot } from '../src/config.js';
import { connect } from '../src/db/connection.js';
import { freePort } from '../src/db/embedded-neo4j.js';
import { QueryRunner } from '../src/db/run.js';
import { applySchema } from '../src/db/schema.js';
import { loadFiles } from '../src/load/directory.js';
import { generateCorpus } from './corpus/generate.js';
import { httpTask, merge, sample, type LoadSample, type Task } from './load-generator.js';
import { cypherTask, recordStatements } from './raw-cypher.js';
import { buildApiSchema } from '../src/api/schema.js';
import { childPids, cpuMs } from './proc.js';
import { answersSomething, benchQueries, type Targets } from './queries.js';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const dir = arg('dir') ?? '/tmp/api-prof';
const n = Number(arg('n') ?? 1000);
const durationMs = Number(arg('duration') ?? 4000);
const concurrency = Number(arg('concurrency') ?? 10);
const only = arg('queries')?.split(',');
const prof = args.includes('--prof');
const withPeer = args.includes('--peer');
const withFloor = args.includes('--floor');
const bareModes = args.includes('--bare') ? ['execute'] : (arg('bare')?.split(',') ?? []);
const baselines = arg('baseline')?.split(',') ?? [];
const rounds = Number(arg('rounds') ?? 1);
/** `--encoding=br`: ask for compressed answers (the bench asks for identity). */
const encoding = arg('encoding');
const log = (msg: string) => console.log(`api-profile: ${msg}`);

function leafPid(pid: number): number {
  const children = childPids(pid);
  return children.length ? leafPid(children[0]!) : pid;
}

function start(command: string[], env: Record<string, string>, ready: RegExp, cwd = projectRoot): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const onLine = (line: string) => ready.test(line) && resolve(child);
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', (l) => (onLine(l), /error/i.test(l) && log(l)));
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}`)));
  });
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.json();
}

async function main(): Promise<void> {
  const dataDir = join(dir, 'neo4j');
  const fresh = !existsSync(join(dir, 'loaded'));
  mkdirSync(dir, { recursive: true });
  process.env.NEO4J_DATA_DIR = dataDir;
  const db = await connect({ ...neo4jSettings(), uri: undefined, dataDir, boltPort: await freePort(0), heapMb: 1536, pageCacheMb: 768, txTimeoutMs: 60_000 });
  const servers: ChildProcess[] = [];
  try {
    if (fresh) {
      await applySchema(db);
      const docs = generateCorpus(n);
      mkdirSync(join(dir, 'docs'), { recursive: true });
      const paths = docs.map((d) => {
        const p = join(dir, 'docs', d.file);
        writeFileSync(p, d.text);
        return p;
      });
      const t0 = performance.now();
      await loadFiles(new QueryRunner(db), paths);
      writeFileSync(join(dir, 'loaded'), `${n}\n`);
      log(`loaded ${n} documents in ${Math.round(performance.now() - t0)} ms`);
    }
    const uri = db.embedded!.uri;
    // The one Neo4j every contender (and the floor) asks: its CPU a request is the database's share.
    const jvm = db.embedded!.pid;
    const auth = { NEO4J_USER: db.embedded!.user, NEO4J_PASSWORD: db.embedded!.password, NEO4J_URI: uri };
    const port = await freePort(0);
    const profDir = join(dir, 'prof');
    const nodeArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
    const bg = await start([process.execPath, ...nodeArgs, '--import', 'tsx', 'src/main.ts'], { ...auth, PORT: String(port), HOST: '127.0.0.1', BUDGET_GRAPH_LOAD_ON_START: '0', BUDGET_GRAPH_CACHE: '0', BUDGET_GRAPH_CLIENT_LIMITS: '0' }, /GraphQL ready/);
    servers.push(bg);
    const serverEnv = { ...auth, HOST: '127.0.0.1', BUDGET_GRAPH_LOAD_ON_START: '0', BUDGET_GRAPH_CACHE: '0', BUDGET_GRAPH_CLIENT_LIMITS: '0' };
    const contenders: { name: string; url: string; pid: number | null }[] = [{ name: 'budget-graph (no cache)', url: `http://127.0.0.1:${port}/graphql`, pid: leafPid(bg.pid!) }];
    for (const baseline of baselines) {
      const basePort = await freePort(0);
      const base = await start([process.execPath, '--import', 'tsx', 'src/main.ts'], { ...serverEnv, PORT: String(basePort) }, /GraphQL ready/, baseline);
      servers.push(base);
      const name = baselines.length > 1 ? `baseline ${basename(baseline)} (no cache)` : 'baseline (no cache)';
      contenders.push({ name, url: `http://127.0.0.1:${basePort}/graphql`, pid: leafPid(base.pid!) });
    }
    for (const mode of bareModes) {
      const barePort = await freePort(0);
      const bare = await start([process.execPath, ...nodeArgs, '--import', 'tsx', 'bench/bare-server.ts', `--mode=${mode}`], { ...auth, PORT: String(barePort) }, /BARE_READY/);
      servers.push(bare);
      contenders.push({ name: mode === 'apollo' ? 'bare (node:http + plain Apollo)' : mode === 'warm' ? 'bare (node:http + execute, after the warm-up)' : 'bare (node:http + execute)', url: `http://127.0.0.1:${barePort}/graphql`, pid: leafPid(bare.pid!) });
    }
    if (withPeer) {
      const peerPort = await freePort(0);
      const peer = await start([process.execPath, '--import', 'tsx', 'bench/peer/server.ts'], { ...auth, PORT: String(peerPort) }, /PEER_READY/);
      servers.push(peer);
      contenders.push({ name: 'peer', url: `http://127.0.0.1:${peerPort}/`, pid: leafPid(peer.pid!) });
    }
    const url = contenders[0]!.url;
    const q = await post(url, `{ feeds: projectsFeedingCode(code: "2010504") { project { id } } docs: documents(filter: { kind: BUDGET }, first: 1) { nodes { id } } anomalies(first: 1) { nodes { document { department { name } } } } }`);
    const counts = new Map<string, number>();
    for (const f of q.data.feeds as { project: { id: string } | null }[]) if (f.project) counts.set(f.project.id, (counts.get(f.project.id) ?? 0) + 1);
    const t: Targets = { code: '2010504', projectId: [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '', documentId: q.data.docs.nodes[0].id, department: q.data.anomalies.nodes[0]?.document.department.name ?? '政务', searchText: '信息' };
    const schema = withFloor ? await buildApiSchema() : null;
    for (const bq of benchQueries(t).filter((x) => !only || only.some((o) => x.name.includes(o)))) {
      const cells: { name: string; task: Task; pid: number | null; samples: LoadSample[]; cpu: number; jvmCpu: number }[] = [];
      if (schema) cells.push({ name: 'raw Cypher (driver alone)', task: cypherTask(db, await recordStatements(db, schema, bq.bg.query, bq.bg.variables)), pid: null, samples: [], cpu: 0, jvmCpu: 0 });
      const answers = new Map<string, string>();
      for (const c of contenders) {
        const spec = c.name === 'peer' ? bq.peer : bq.bg;
        if (!spec) continue;
        const first = await post(c.url, spec.query, spec.variables);
        answers.set(c.name, JSON.stringify({ data: first.data, errors: first.errors }));
        if (first.errors) throw new Error(`${c.name} ${bq.name}: ${JSON.stringify(first.errors).slice(0, 300)}`);
        if (!answersSomething(first.data)) throw new Error(`${c.name} ${bq.name}: an empty answer ${JSON.stringify(first.data).slice(0, 200)}`);
        log(`${bq.name} | ${c.name} | ${first.extensions?.cypherRoundTrips ?? '—'} round-trips | ${JSON.stringify(first).length} bytes`);
        const task = httpTask(c.url, JSON.stringify({ query: spec.query, variables: spec.variables }), ...(encoding ? [{ 'content-type': 'application/json', 'accept-encoding': encoding }] : []));
        cells.push({ name: c.name, task, pid: c.pid, samples: [], cpu: 0, jvmCpu: 0 });
      }
      const ours = answers.get('budget-graph (no cache)');
      for (const [name, theirs] of answers) {
        if (!name.startsWith('baseline') && !name.startsWith('bare')) continue;
        if (ours !== theirs) throw new Error(`${bq.name}: the answer differs from the ${name}'s (${ours?.length} / ${theirs.length} bytes)`);
        log(`${bq.name} | answer identical to the ${name}'s (${theirs.length} bytes)`);
      }
      for (const cell of cells) await sample(cell.task, concurrency, 1000);
      for (let round = 0; round < rounds; round++) {
        for (const cell of round % 2 ? [...cells].reverse() : cells) {
          // The floor runs in this process: its CPU is this process's while it alone runs here.
          const self = process.cpuUsage();
          const before = cell.pid ? cpuMs(cell.pid)! : 0;
          const jvmBefore = jvm ? (cpuMs(jvm) ?? 0) : 0;
          const stretch = await sample(cell.task, concurrency, durationMs / rounds);
          const selfUsed = process.cpuUsage(self);
          cell.cpu += cell.pid ? cpuMs(cell.pid)! - before : (selfUsed.user + selfUsed.system) / 1000;
          cell.jvmCpu += jvm ? (cpuMs(jvm) ?? 0) - jvmBefore : 0;
          cell.samples.push(stretch);
          const r = merge([stretch]);
          log(`${bq.name} | ${cell.name} | c=${concurrency} | round ${round + 1} | ${r.rps} req/s | p50 ${r.p50} ms`);
        }
      }
      const results = new Map(cells.map((cell) => [cell.name, merge(cell.samples)]));
      const ratio = (a: string, b: string) => (results.get(a) && results.get(b) ? (results.get(a)!.rps / results.get(b)!.rps).toFixed(2) : '—');
      for (const cell of cells) {
        const r = results.get(cell.name)!;
        const cpu = `${(cell.cpu / Math.max(1, r.requests)).toFixed(2)} ms/request${cell.pid ? '' : ' (the bench process: the driver alone)'}`;
        const jvmCpu = jvm ? `${(cell.jvmCpu / Math.max(1, r.requests)).toFixed(2)} ms/request` : '—';
        log(`SUMMARY | ${bq.name} | ${cell.name} | c=${concurrency} | ${r.rps} req/s | p50 ${r.p50} ms | p99 ${r.p99} ms | errors ${r.errors} | server CPU ${cpu} | JVM CPU ${jvmCpu} | ×peer ${ratio(cell.name, 'peer')} | ×floor ${ratio(cell.name, 'raw Cypher (driver alone)')}`);
      }
    }
  } finally {
    for (const s of servers) s.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 1500));
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
