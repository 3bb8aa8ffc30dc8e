// Ready means ready (issue 36 item 4), against an embedded Neo4j of its own (this file stops and
// kills its JVM). A stopped JVM (SIGSTOP): before, an ordinary query waited 15 s for its 503 (a 3 s
// answer-cache version check, then the 10 s + 2 s statement deadline) while health said ok: false
// after 1.5 s. A killed JVM: before, /healthz said 200 as soon as the new JVM took a login, while
// the first requests, every statement unplanned, ran up to 14.5 s and 10 of 15 got 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neo4jSettings, projectRoot } from '../../src/config.js';
import { connect, type Database } from '../../src/db/connection.js';
import { freePort } from '../../src/db/embedded-neo4j.js';
import { QueryRunner } from '../../src/db/run.js';
import { applySchema } from '../../src/db/schema.js';
import { listDocuments, loadFiles } from '../../src/load/directory.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';

const root = mkdtempSync(join(tmpdir(), 'budget-graph-readiness-'));
let db: Database | undefined;
let server: RunningServer | undefined;
/** The supervisor's log lines, with when each was written. */
const lines: { at: number; line: string }[] = [];

beforeAll(async () => {
  db = await connect({ ...neo4jSettings(), uri: undefined, dataDir: join(root, 'neo4j'), boltPort: await freePort(), heapMb: 512, pageCacheMb: 64 }, { log: (line) => lines.push({ at: Date.now(), line }) });
  await applySchema(db);
  await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
  // The answer cache on, as npm start runs: its version check is on an uncached query's path.
  server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined });
}, 300_000);

afterAll(async () => {
  const pid = db?.embedded?.pid;
  if (pid) process.kill(pid, 'SIGCONT');
  await server?.stop();
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  ms: number;
  body: any;
}

async function post(query: string): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(server!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: AbortSignal.timeout(60_000) });
  const body = await res.json();
  return { status: res.status, ms: Math.round(performance.now() - t0), body };
}

async function healthz(): Promise<{ status: number; reason?: string }> {
  try {
    const res = await fetch(server!.url.replace(/graphql$/, 'healthz'), { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { ok: boolean; reason?: string };
    return { status: res.status, reason: body.reason };
  } catch {
    return { status: 0 };
  }
}

describe('a JVM that stops answering (SIGSTOP)', () => {
  it('gets an ordinary query a 503 within 2 s and health ok: false, and answers again once it resumes', async () => {
    expect((await post('{ documents { totalCount } }')).status).toBe(200);
    // Past the answer cache's once-a-second pace: the next uncached query checks the graph version first.
    await pause(1_200);
    const pid = db!.embedded!.pid!;
    process.kill(pid, 'SIGSTOP');
    const stopped = performance.now();
    try {
      // An ordinary question nobody asked before, so not from the cache.
      const [query, healthFalseMs] = await Promise.all([
        post('{ search(text: "信息") { id name } }'),
        (async () => {
          for (;;) {
            const h = await post('{ health { ok reason } }');
            if (h.body.data?.health?.ok === false) return { ms: Math.round(performance.now() - stopped), reason: h.body.data.health.reason as string };
            if (performance.now() - stopped > 30_000) return { ms: Infinity, reason: null };
            await pause(100);
          }
        })(),
      ]);
      console.log(`SIGSTOP: query ${query.status} ${query.body.errors?.[0]?.extensions?.reason} in ${query.ms} ms; health ok: false after ${healthFalseMs.ms} ms (${healthFalseMs.reason})`);
      expect(query.status).toBe(503);
      expect(query.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(query.body.errors[0].extensions.reason).toBe('DATABASE_STALLED');
      // 1.75 s at most by design; a generous bound for a busy machine (before: 15 s).
      expect(query.ms).toBeLessThan(4_000);
      expect(healthFalseMs.ms).toBeLessThan(4_000);
      expect(healthFalseMs.reason).toBe('DATABASE_STALLED');
      // Once the stall is known, a query is refused at once and /healthz says why.
      const next = await post('{ projects(first: 3) { nodes { name } } }');
      expect(next.status).toBe(503);
      expect(next.ms).toBeLessThan(1_000);
      expect(await healthz()).toEqual({ status: 503, reason: 'DATABASE_STALLED' });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const resumed = performance.now();
    let answer: Answer | undefined;
    while (performance.now() - resumed < 30_000) {
      answer = await post('{ search(text: "信息") { id name } }');
      if (answer.status === 200) break;
      await pause(100);
    }
    console.log(`SIGCONT: answered ${answer?.status} after ${Math.round(performance.now() - resumed)} ms`);
    expect(answer?.status).toBe(200);
    expect(answer?.body.data.search.length).toBeGreaterThan(0);
    expect((await post('{ health { ok } }')).body.data.health.ok).toBe(true);
    expect((await healthz()).status).toBe(200);
  }, 120_000);
});

describe('a killed JVM (kill -9)', () => {
  it('is not ready (/healthz 503) while it restarts and warms up, and ready (200) only once the warm-up is done', async () => {
    const warmUpsBefore = db!.warmUps();
    const killed = Date.now();
    process.kill(db!.embedded!.pid!, 'SIGKILL');
    // The supervisor hears of the exit a moment later.
    while (db!.isUp() && Date.now() - killed < 5_000) await pause(10);
    const seen: { at: number; status: number; reason?: string; warmUps: number }[] = [];
    while (Date.now() - killed < 240_000) {
      const h = await healthz();
      seen.push({ at: Date.now(), ...h, warmUps: db!.warmUps() });
      if (h.status === 200) break;
      await pause(100);
    }
    const ready = lines.find((l) => l.at >= killed && /is ready \(restart 1\)/.test(l.line));
    const firstOk = seen.find((s) => s.status === 200);
    const reasons = [...new Set(seen.filter((s) => s.status === 503).map((s) => s.reason))];
    console.log(`kill -9: 503 ${reasons.join(', ')}; 200 after ${firstOk ? firstOk.at - killed : '-'} ms; ${ready?.line}`);
    expect(firstOk, lines.map((l) => l.line).join('\n')).toBeDefined();
    // Not ready while the JVM restarted nor while it warmed up: both were seen, and nothing else.
    expect(reasons).toEqual(['DATABASE_RESTARTING', 'DATABASE_WARMING']);
    expect(seen.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([]);
    // Ready only after the warm-up finished: its count went up first and it said so.
    expect(firstOk!.warmUps).toBe(warmUpsBefore + 1);
    expect(ready).toBeDefined();
    expect(firstOk!.at).toBeGreaterThanOrEqual(ready!.at);
    expect(ready!.line).toMatch(/warm-up (done in \d+ ms|gave up after \d+ s) \(.*page cache \d+ nodes/);
    // And ready means answering.
    const answer = await post('{ projects(first: 3) { nodes { name } } }');
    expect(answer.status).toBe(200);
    expect((await post('{ health { ok } }')).body.data.health.ok).toBe(true);
  }, 300_000);
});
