// More than one machine, run (issue 41, item 5): one Neo4j, a loader process (`npm run load`)
// and two API processes started with BUDGET_GRAPH_LOAD_ON_START=0 behind a round-robin proxy,
// as the compose file deploys them. Shown here:
// - the schema is applied by whichever process gets there first; the others find it in place
//   (three processes applying it at the same moment all start, and the index one of them made is
//   there once, ONLINE);
// - a load made by the loader is seen by both replicas: an answer not asked before at once after
//   the loader exits (its last transaction committed), a cached one once the replica's cache has
//   re-read the graph version (the README's rule);
// - rate limits per real client behind the trusted proxy, each replica counting its own (a client
//   gets up to N× the limit behind N replicas: the README's arithmetic), and another client is
//   served meanwhile;
// - a replica killed mid-traffic while the other keeps answering every request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';
import { testDatabase, wipe } from './helpers.js';

const BUDGET_000 = join(projectRoot, 'data', '000_5c682a4da5e2a113.txt');
const BUDGET_002 = join(projectRoot, 'data', '002_94a530100b90bc43.txt');
/** Per replica: requests a second per client address, bursts of twice as many. */
const RATE = 5;
const BURST = 2 * RATE;

interface Replica {
  child: ChildProcess;
  url: string;
  log: string[];
}

let db: Database;
let emptyData: string;
const replicas: Replica[] = [];
let proxy: RoundRobinProxy | undefined;

/** Runs `npm run load` as its own process (through tsx, as the suite runs sources). */
function runLoader(...files: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'load.ts'), ...files], { cwd: projectRoot, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Starts one API process that does not load; resolves with its URL once it says it is ready. */
function startReplica(): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'main.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: '0',
      BUDGET_GRAPH_DATA: emptyData,
      BUDGET_GRAPH_LOAD_ON_START: '0',
      BUDGET_GRAPH_TRUSTED_PROXIES: '127.0.0.1',
      BUDGET_GRAPH_CLIENT_RATE: String(RATE),
      BUDGET_GRAPH_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start within 170 s:\n${log.join('\n')}`)), 170_000);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      log.push(line);
      const m = /GraphQL ready at (\S+?);/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, log });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replica exited with ${code}:\n${log.join('\n')}`));
    });
  });
}

async function ask(url: string, query: string, variables: Record<string, unknown> = {}, client?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(client ? { 'x-test-client': client } : {}) }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

const documentFiles = async (url: string, variables: Record<string, unknown> = {}) => {
  const res = await ask(url, 'query Files($first: Int) { documents(first: $first) { nodes { file } } }', variables);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data.documents.nodes as { file: string }[]).map((d) => d.file).sort();
};

beforeAll(async () => {
  db = await testDatabase();
  await wipe(db);
  emptyData = mkdtempSync(join(tmpdir(), 'budget-graph-replica-data-'));
  // One index gone, as on a graph whose schema gained it since: the three processes below all
  // apply the schema at the same moment.
  await db.driver.executeQuery('DROP INDEX investment_code IF EXISTS', {}, { database: db.database });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all(
    replicas.map(async (r) => {
      if (r.child.exitCode !== null || r.child.signalCode !== null) return;
      const exited = new Promise((resolve) => r.child.once('exit', resolve));
      r.child.kill('SIGTERM');
      await exited;
    }),
  );
  rmSync(emptyData, { recursive: true, force: true });
  await wipe(db);
  await db.close();
}, 60_000);

describe('a loader and two API replicas over one Neo4j', () => {
  it('start together: the schema is applied, not raced, and both replicas see what the loader loaded', async () => {
    const [load, a, b] = await Promise.all([runLoader(BUDGET_000), startReplica(), startReplica()]);
    replicas.push(a, b);
    expect(load.code, load.output).toBe(0);
    // Every process looked; the missing index is there once and ONLINE whoever made it.
    const schemaLines = [a, b].map((r) => r.log.find((l) => l.includes('constraints and indexes in place')));
    for (const line of schemaLines) expect(line).toMatch(/schema: \d+ constraints and indexes in place; this process (changed nothing|created investment_code)$/);
    const index = await db.driver.executeQuery("SHOW INDEXES YIELD name, state WHERE name = 'investment_code' RETURN state", {}, { database: db.database });
    expect(index.records.map((r) => r.get('state'))).toEqual(['ONLINE']);
    // A replica started after the schema is in place changes nothing.
    const c = await startReplica();
    replicas.push(c);
    expect(c.log.find((l) => l.includes('constraints and indexes in place'))).toMatch(/this process changed nothing$/);
    const exited = new Promise((resolve) => c.child.once('exit', resolve));
    c.child.kill('SIGTERM');
    await exited;
    replicas.pop();

    // The loader exited after its commit: each replica sees its document.
    for (const r of [a, b]) expect(await documentFiles(r.url)).toContain('000_5c682a4da5e2a113.txt');
  }, 400_000);

  it('a load made while the replicas serve is seen by both: a new question at once, a cached answer once the cache re-reads the version', async () => {
    const [a, b] = replicas;
    // The same question asked before the load: each replica caches its answer.
    for (const r of [a!, b!]) expect(await documentFiles(r.url, { first: 50 })).not.toContain('002_94a530100b90bc43.txt');
    const load = await runLoader(BUDGET_002);
    expect(load.code, load.output).toBe(0);
    // Not asked before by either replica: answered from the graph, which holds the commit.
    for (const r of [a!, b!]) expect(await documentFiles(r.url, { first: 51 })).toContain('002_94a530100b90bc43.txt');
    // Asked before: the cached answer goes once the replica re-reads the graph version (at most a
    // second after its last reading; polled here, not timed).
    for (const r of [a!, b!]) {
      let files = await documentFiles(r.url, { first: 50 });
      for (let i = 0; i < 100 && !files.includes('002_94a530100b90bc43.txt'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        files = await documentFiles(r.url, { first: 50 });
      }
      expect(files).toContain('002_94a530100b90bc43.txt');
    }
  }, 200_000);

  it('limits each real client behind the trusted proxy, per replica, and serves another client meanwhile', async () => {
    proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
    const started = Date.now();
    // Client A sends 6 bursts' worth at once: both replicas run out of its tokens.
    const answers = await Promise.all(Array.from({ length: 6 * BURST }, (_, i) => ask(proxy!.url, 'query Q($i: Int) { documents(first: $i) { totalCount } }', { i: (i % 40) + 1 }, '203.0.113.7')));
    const seconds = (Date.now() - started) / 1000;
    const ok = answers.filter((r) => r.status === 200).length;
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const r of limited) expect(r.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Each replica counts its own: more than one replica's burst got through, and no more than
    // two replicas' bursts and refills over the time it took.
    expect(ok).toBeGreaterThan(BURST);
    expect(ok).toBeLessThanOrEqual(2 * (BURST + Math.ceil(RATE * seconds)) + 2);
    // Client B, behind the same proxy, is not limited by A.
    const other = await ask(proxy.url, '{ documents { totalCount } }', {}, '198.51.100.23');
    expect(other.status).toBe(200);
    expect(other.body.data.documents.totalCount).toBe(2);
  }, 120_000);

  it('keeps answering every request through the proxy when a replica is killed mid-traffic', async () => {
    const [a, b] = replicas;
    const before = proxy!.served.get(b!.url) ?? 0;
    const statuses: number[] = [];
    let killed = false;
    const traffic = (async () => {
      // Each request from its own client address: the rate limit is not what is tested here.
      for (let i = 0; i < 60; i++) {
        const res = await ask(proxy!.url, 'query N($i: Int) { documents(first: $i) { totalCount } }', { i: (i % 40) + 1 }, `192.0.2.${(i % 200) + 1}`);
        statuses.push(res.status);
        if (i === 20) {
          a!.child.kill('SIGKILL');
          killed = true;
        }
      }
    })();
    await traffic;
    expect(killed).toBe(true);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect((proxy!.served.get(b!.url) ?? 0) - before).toBeGreaterThan(30);
    // The survivor answers directly too, and still sees both documents.
    expect(await documentFiles(b!.url, { first: 52 })).toEqual(['000_5c682a4da5e2a113.txt', '002_94a530100b90bc43.txt']);
  }, 120_000);
});
