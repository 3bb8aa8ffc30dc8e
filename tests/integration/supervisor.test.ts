// The embedded Neo4j's supervisor under hostile conditions (issue 24): its JVM is killed while
// something on the machine keeps sending wrong passwords to the Bolt port. Before, the restart
// failed on Neo4j's authentication rate limit, left its JVM holding the store lock, and every
// later attempt failed on that lock: the service never came back.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import neo4j from 'neo4j-driver';
import { neo4jSettings } from '../../src/config.js';
import { connect, type Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { applySchema } from '../../src/db/schema.js';
import { BATCH_DOCUMENTS, listDocuments, loadFiles, loadTuning } from '../../src/load/directory.js';
import { projectRoot } from '../../src/config.js';

const root = mkdtempSync(join(tmpdir(), 'budget-graph-supervisor-'));
let db: Database | undefined;
afterAll(async () => {
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a killed JVM while wrong passwords are sent', () => {
  it('is restarted, the service logs in and answers again', async () => {
    const lines: string[] = [];
    // Its own embedded server (not the suite's): this test kills it.
    db = await connect({ ...neo4jSettings(), uri: undefined, dataDir: join(root, 'neo4j'), boltPort: undefined, heapMb: 512, pageCacheMb: 64 }, { log: (m) => lines.push(m) });
    const first = db.embedded!;
    expect(await new QueryRunner(db).read('graph-version')).toBeTruthy();

    // An attacker's login attempts, as fast as the server refuses them, for the whole test.
    let attacking = true;
    let refused = 0;
    const attacker = (async () => {
      while (attacking) {
        const intruder = neo4j.driver(first.uri, neo4j.auth.basic('neo4j', 'wrong-password'), { connectionTimeout: 2_000 });
        await intruder.getServerInfo().then(
          () => expect.unreachable('a wrong password logged in'),
          () => refused++,
        );
        await intruder.close();
        await pause(20);
      }
    })();

    await pause(1_500);
    process.kill(first.pid!, 'SIGKILL');

    // Back within two minutes: isUp and a real read through the service's own driver.
    const deadline = Date.now() + 120_000;
    let answered = false;
    while (Date.now() < deadline && !answered) {
      await pause(500);
      if (!db.isUp()) continue;
      answered = await new QueryRunner(db).read('graph-version').then(() => true, () => false);
    }
    attacking = false;
    await attacker;
    expect(answered, lines.join('\n')).toBe(true);
    expect(db.restarts()).toBe(1);
    expect(db.embedded!.pid).not.toBe(first.pid);
    expect(refused).toBeGreaterThan(10);
    // Its own Neo4j starts cold, is killed and starts again: on a busy two-core machine that is
    // more than the suite's default minute (in a full local run it took 70 s, the next test 90 s; CI timed out at 60 s).
  }, 300_000);
});

describe('a load through a database restart', () => {
  it('waits for the database to come back, loads the document it was on again, then the rest', async () => {
    const runner = new QueryRunner(db!);
    await applySchema(db!);
    const files = listDocuments(join(projectRoot, 'data'));
    let killed = false;
    // Two documents a write transaction: the first batch commits, the next meets the restart.
    loadTuning.batchDocuments = 2;
    const reports = await loadFiles(runner, files, {}, (_report, i) => {
      // Killed as the second batch starts: its reads or its transaction die with the JVM.
      if (i === 0 && !killed) {
        killed = true;
        setTimeout(() => process.kill(db!.embedded!.pid!, 'SIGKILL'), 200);
      }
    }).finally(() => (loadTuning.batchDocuments = BATCH_DOCUMENTS));
    expect(killed).toBe(true);
    expect(reports.map((r) => r.file)).toEqual(files.map((f) => basename(f)));
    expect(db!.restarts()).toBe(2);
    const held = await runner.read('document-count');
    expect(Number(held.records[0]!.get(0))).toBe(files.length);
  }, 300_000);
});
