// The driver's share of a question, shape by shape (#41 item 4): a question's own statements
// (recorded by answering it once in process, as bench/raw-cypher.ts records the floor's) sent by
// the driver alone in this process, in the floor's way and in each of the ways ours differs from
// it, one difference at a time; then through the QueryRunner itself (without and with the
// write-count readings). Per shape: req/s, p50, this process's CPU a question (the driver's work:
// nothing else runs here) and the JVM's. Shapes take turns in rounds, reversed every other round.
//
//   flock /tmp/h/heavy.lock npx tsx bench/api-driver.ts --dir=/tmp/api-prof --queries=codeFeeds,document \
//     --shapes=floor,bm,timeout,fetch-all,no-stack,deadline,runner,runner-watched --concurrency=1,50 --rounds=4 --duration=12000
// Shapes: floor, bm, timeout, fetch-all, no-stack, deadline, db-name, execute-query, execute-read,
// runner, runner-watched, and floor / runner / runner-watched `+cork` (socket writes coalesced).
// Results: bench/results/2026-12-08-r10-api.md.
import '../src/runtime-mode.js';
import 'reflect-metadata';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { graphql } from 'graphql';
import neo4j, { type SessionConfig } from 'neo4j-driver';
import { neo4jSettings } from '../src/config.js';
import { connect, type Database } from '../src/db/connection.js';
import { freePort } from '../src/db/embedded-neo4j.js';
import { QueryRunner, withoutCallerStack, type Params } from '../src/db/run.js';
import type { StatementName } from '../src/db/statements.generated.js';
import { createContext } from '../src/api/context.js';
import { buildApiSchema } from '../src/api/schema.js';
import { merge, sample, type LoadSample, type Task } from './load-generator.js';
import { cpuMs } from './proc.js';
import { benchQueries, type Targets } from './queries.js';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const dir = arg('dir') ?? '/tmp/api-prof';
const durationMs = Number(arg('duration') ?? 8000);
const rounds = Number(arg('rounds') ?? 4);
const concurrencies = (arg('concurrency') ?? '1').split(',').map(Number);
const only = arg('queries')?.split(',');
const shapeNames = (arg('shapes') ?? 'floor,runner,runner-watched').split(',');
const log = (msg: string) => console.log(`api-driver: ${msg}`);

interface Recorded {
  name: StatementName;
  text: string;
  params: Params;
}

/** A way of sending a question's statements as one request (the floor's: all at once, each in its own session). */
type Shape = (db: Database, statements: Recorded[]) => Task;

const FETCH_ALL = -1;

/**
 * The driver writes a message batch to its socket in 1,400-byte pieces, one system call each
 * (neo4j-driver-bolt-connection's Chunker flushes when its buffer is full): a 7 KB page statement
 * is six writes. Shapes named `…+cork` cork the socket at a batch's first write and uncork it on
 * the next tick (one writev); `writes` counts the socket writes the driver asked for.
 */
let corking = false;
let writes = 0;
{
  const channel: { default: { prototype: { write(this: { _pending: unknown; _conn: Socket }, b: unknown): void } } } = createRequire(import.meta.url)('neo4j-driver-bolt-connection/lib/channel/node/node-channel.js');
  const proto = channel.default.prototype;
  const write = proto.write;
  proto.write = function (buffer) {
    writes++;
    const conn = this._conn;
    if (corking && this._pending === null && conn && conn.writableCorked === 0) {
      conn.cork();
      process.nextTick(() => conn.uncork());
    }
    write.call(this, buffer);
  };
}

/** The floor's session (bench/raw-cypher.ts), with `extra` on top of it. */
function floorWith(extra: Partial<SessionConfig>, send: (session: ReturnType<Database['driver']['session']>, s: Recorded, db: Database) => Promise<unknown> = (session, s) => session.run(s.text, s.params)): Shape {
  return (db, statements) => async () => {
    await Promise.all(
      statements.map(async (s) => {
        const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ, ...extra });
        try {
          await send(session, s, db);
        } finally {
          await session.close();
        }
      }),
    );
    return true;
  };
}

/** Our deadline around a statement (src/db/run.ts withDeadline): a timer and an abort listener. */
async function withTimer<T>(work: Promise<T>, ms: number, cut: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onCut: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('deadline')), ms);
    onCut = () => reject(new Error('cut'));
    cut.addEventListener('abort', onCut, { once: true });
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    if (onCut) cut.removeEventListener('abort', onCut);
  }
}

/** The runner's private way in, for the bench only: a recorded text (bounded reads included) by name. */
function readRecorded(runner: QueryRunner, s: Recorded): Promise<unknown> {
  const reader = Reflect.get(runner, 'readText') as (name: StatementName, text: string, params: Params, timeoutMs: number | undefined) => Promise<unknown>;
  return reader.call(runner, s.name, s.text, s.params, undefined);
}

const SHAPES: Record<string, Shape> = {
  floor: floorWith({}),
  /** Our sessions share the bookmark manager (read-your-writes on a cluster). */
  bm: (db, st) => floorWith({ bookmarkManager: db.bookmarks })(db, st),
  /** Our statements carry the transaction timeout (tx_timeout in RUN's metadata). */
  timeout: floorWith({}, (session, s, db) => session.run(s.text, s.params, { timeout: db.txTimeoutMs })),
  'fetch-all': floorWith({ fetchSize: FETCH_ALL }),
  'no-stack': floorWith({}, (session, s) => withoutCallerStack(() => session.run(s.text, s.params))),
  deadline: floorWith({}, (session, s, db) => withTimer(Promise.resolve(session.run(s.text, s.params)), db.txTimeoutMs + 2_000, db.unavailableSignal())),
  /** The database named (the floor leaves it to the server's default, as we do with no NEO4J_DATABASE). */
  'db-name': floorWith({ database: 'neo4j' }),
  /** driver.executeQuery (a managed read transaction, records eagerly). */
  'execute-query': (db, statements) => async () => {
    await Promise.all(statements.map((s) => db.driver.executeQuery(s.text, s.params, { database: db.database, routing: neo4j.routing.READ })));
    return true;
  },
  /** A managed read transaction (BEGIN, RUN, PULL, COMMIT) a statement. */
  'execute-read': floorWith({}, (session, s) => session.executeRead((tx) => tx.run(s.text, s.params))),
  /** Everything ours does, through the QueryRunner, without the write-count readings. */
  runner: (db, statements) => async () => {
    const runner = new QueryRunner(db);
    await Promise.all(statements.map((s) => readRecorded(runner, s)));
    return true;
  },
  'floor+cork': floorWith({}),
  'runner+cork': (db, st) => SHAPES.runner!(db, st),
  'runner-watched+cork': (db, st) => SHAPES['runner-watched']!(db, st),
  /** The QueryRunner as a request uses it: watched, then its verdict (the reading after). */
  'runner-watched': (db, statements) => async () => {
    const runner = new QueryRunner(db).watchWrites();
    await Promise.all(statements.map((s) => readRecorded(runner, s)));
    return runner.readOneState();
  },
};

async function main(): Promise<void> {
  for (const s of shapeNames) if (!SHAPES[s]) throw new Error(`no shape ${s}: ${Object.keys(SHAPES).join(', ')}`);
  const dataDir = join(dir, 'neo4j');
  const db = await connect({ ...neo4jSettings(), uri: undefined, dataDir, boltPort: await freePort(0), heapMb: 1536, pageCacheMb: 768, txTimeoutMs: 60_000 });
  const jvm = db.embedded?.pid;
  try {
    const schema = await buildApiSchema();
    const ask = async (query: string, variables: Record<string, unknown> = {}, observe?: (r: Recorded) => void) => {
      const ctx = createContext(db);
      if (observe) ctx.runner.observe = (name, text, params) => observe({ name, text, params });
      const res = await graphql({ schema, source: query, variableValues: variables, contextValue: ctx });
      if (res.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${res.errors[0]!.message}`);
      return res.data as any;
    };
    const q = await ask(`{ feeds: projectsFeedingCode(code: "2010504") { project { id } } docs: documents(filter: { kind: BUDGET }, first: 1) { nodes { id } } anomalies(first: 1) { nodes { document { department { name } } } } }`);
    const counts = new Map<string, number>();
    for (const f of q.feeds as { project: { id: string } | null }[]) if (f.project) counts.set(f.project.id, (counts.get(f.project.id) ?? 0) + 1);
    const t: Targets = { code: '2010504', projectId: [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '', documentId: q.docs.nodes[0].id, department: q.anomalies.nodes[0]?.document.department.name ?? '政务', searchText: '信息' };
    for (const bq of benchQueries(t).filter((x) => !only || only.some((o) => x.name.includes(o)))) {
      const statements: Recorded[] = [];
      await ask(bq.bg.query, bq.bg.variables, (r) => statements.push(r));
      log(`${bq.name}: ${statements.map((s) => s.name).join(', ')}`);
      for (const c of concurrencies) {
        const cells = shapeNames.map((name) => ({ name, task: SHAPES[name]!(db, statements), samples: [] as LoadSample[], cpu: 0, jvmCpu: 0, writes: 0 }));
        for (const cell of cells) await sample(cell.task, c, 1000);
        log(`START ${bq.name} c=${c} ${new Date().toISOString()} load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
        for (let round = 0; round < rounds; round++) {
          for (const cell of round % 2 ? [...cells].reverse() : cells) {
            corking = cell.name.endsWith('+cork');
            const w0 = writes;
            const u0 = process.cpuUsage();
            const j0 = jvm ? cpuMs(jvm) ?? 0 : 0;
            const stretch = await sample(cell.task, c, durationMs / rounds);
            const u = process.cpuUsage(u0);
            cell.cpu += (u.user + u.system) / 1000;
            cell.jvmCpu += jvm ? (cpuMs(jvm) ?? 0) - j0 : 0;
            cell.samples.push(stretch);
            cell.writes += writes - w0;
          }
        }
        log(`END ${bq.name} c=${c} ${new Date().toISOString()} load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
        console.log(`\n| shape | req/s | p50 ms | p99 ms | errors | this process CPU ms/q | JVM CPU ms/q | socket writes/q | rounds (req/s) |\n|---|---:|---:|---:|---:|---:|---:|---:|---|`);
        for (const cell of cells) {
          const r = merge(cell.samples);
          const per = (ms: number) => (ms / Math.max(1, r.requests)).toFixed(3);
          console.log(`| ${cell.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${per(cell.cpu)} | ${per(cell.jvmCpu)} | ${(cell.writes / Math.max(1, r.requests)).toFixed(2)} | ${cell.samples.map((s) => merge([s]).rps).join(' / ')} |`);
        }
        console.log('');
      }
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
