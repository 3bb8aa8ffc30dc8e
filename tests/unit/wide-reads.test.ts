// An unpaged whole-corpus read (projectsFeedingCode over all years) waits its turn: at c = 50 the
// embedded JVM, computing fifty of them at once, left the liveness probe unanswered and every
// request of the process got 503 DATABASE_STALLED. Checked against a driver that holds its
// answers, so what is counted is how many reach the database at once, not the time.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { databaseOver } from './fake-database.js';
import { cypher } from '../../src/db/cypher.js';
import { QueryRunner } from '../../src/db/run.js';
import { Gate, WIDE_READS_PER_CORE, waitAllowed } from '../../src/db/wide-reads.js';

/** A driver whose answers wait until `open()`; it counts the statements in the database at once. */
function heldDatabase() {
  let release!: () => void;
  const opened = new Promise<void>((r) => (release = r));
  const state = { inside: 0, most: 0, sent: [] as string[] };
  const driver = {
    session: () => ({
      run: async (text: string) => {
        state.sent.push(text);
        state.most = Math.max(state.most, ++state.inside);
        await opened;
        state.inside--;
        return { records: [], summary: {} };
      },
      close: () => Promise.resolve(),
    }),
  };
  const db = databaseOver(driver, { txTimeoutMs: 60_000 });
  return { db, state, open: () => release() };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('wide reads', () => {
  it('reach the database a few at a time; the rest wait, and other questions pass them', async () => {
    const held = heldDatabase();
    const limit = WIDE_READS_PER_CORE * availableParallelism();
    const params = { code: '2010504', department: null, years: null, includeDescendants: false, wholeDepartment: false, wholeUnit: false, wholeProject: false, withSupport: false, withAlternatives: false };
    const wide = Array.from({ length: limit + 8 }, () => new QueryRunner(held.db).read('projects-feeding-code', params));
    await tick();
    expect(held.state.inside).toBe(limit);
    // A paged or small question is not held behind them.
    void new QueryRunner(held.db).read('graph-version');
    await tick();
    expect(held.state.sent.filter((t) => t === cypher('graph-version'))).toHaveLength(1);
    held.open();
    await Promise.all(wide);
    expect(held.state.most).toBe(limit + 1);
    expect(held.state.sent.filter((t) => t === cypher('projects-feeding-code'))).toHaveLength(limit + 8);
  });

  it('are let in in arrival order, each release handing its place on once', async () => {
    const gate = new Gate(2);
    const order: number[] = [];
    const a = await gate.acquire();
    const b = await gate.acquire();
    const waiting = [3, 4, 5].map((n) => gate.acquire().then((release) => (order.push(n), release)));
    await tick();
    expect([gate.holding, gate.waiting]).toEqual([2, 3]);
    a();
    a(); // a second call does nothing: one place, handed on once
    await tick();
    expect(order).toEqual([3]);
    b();
    await tick();
    expect(order).toEqual([3, 4]);
    for (const release of await Promise.all(waiting.slice(0, 2))) release();
    await tick();
    expect(order).toEqual([3, 4, 5]);
    (await waiting[2]!)();
    expect([gate.holding, gate.waiting]).toEqual([0, 0]);
  });

  it('refuse a wait past its deadline (503 TIMEOUT) and hand the next release to the one behind it', async () => {
    const gate = new Gate(1);
    const first = await gate.acquire();
    const late = gate.acquire(20);
    const next = gate.acquire(60_000);
    await expect(late).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'TIMEOUT' } });
    expect(gate.waiting).toBe(1);
    first();
    const release = await next;
    expect([gate.holding, gate.waiting]).toEqual([1, 0]);
    release();
    expect(gate.holding).toBe(0);
  });

  it('refuse one more waiter than the queue holds, at once, rather than hold a flood in memory', async () => {
    const gate = new Gate(1, 2);
    const held = await gate.acquire();
    const waiting = [gate.acquire(), gate.acquire()];
    await expect(gate.acquire()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'TIMEOUT' } });
    held();
    (await waiting[0]!)();
    (await waiting[1]!)();
    expect([gate.holding, gate.waiting]).toEqual([0, 0]);
  });

  it('spend the wait from the read\'s timeout: a read queued past it is refused, never sent', async () => {
    const held = heldDatabase();
    const limit = WIDE_READS_PER_CORE * availableParallelism();
    const params = { code: '2010504', department: null, years: null, includeDescendants: false, wholeDepartment: false, wholeUnit: false, wholeProject: false, withSupport: false, withAlternatives: false };
    const running = Array.from({ length: limit }, () => new QueryRunner(held.db).read('projects-feeding-code', params));
    const queued = new QueryRunner(held.db).read('projects-feeding-code', params, 30);
    await expect(queued).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    held.open();
    await Promise.all(running);
    expect(held.state.sent.filter((t) => t === cypher('projects-feeding-code'))).toHaveLength(limit);
  });

  it('refuse a read its wait would leave too little of its budget to run in, rather than send it to miss its deadline', async () => {
    // Seventh round, projectsFeedingCode at 10,000 documents and c = 10: a read let in with a few
    // ms of its 10 s left was sent with that as its timeout and its client deadline shrunk to
    // match; the deadline passed before Neo4j could answer, and the 503 said DATABASE_STALLED of
    // a healthy server. Here the first `limit` reads are answered once opened; the one queued
    // behind them is never answered by this driver, so sending it would end in the deadline.
    const limit = WIDE_READS_PER_CORE * availableParallelism();
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    const sent: string[] = [];
    const driver = {
      session: () => ({
        run: async (text: string) => {
          sent.push(text);
          await (sent.length <= limit ? opened : new Promise<never>(() => undefined));
          return { records: [], summary: {} };
        },
        close: () => Promise.resolve(),
      }),
    };
    const db = databaseOver(driver, { txTimeoutMs: 60_000 });
    const params = { code: '2010504', department: null, years: null, includeDescendants: false, wholeDepartment: false, wholeUnit: false, wholeProject: false, withSupport: false, withAlternatives: false };
    const running = Array.from({ length: limit }, () => new QueryRunner(db).read('projects-feeding-code', params));
    const queued = new QueryRunner(db).read('projects-feeding-code', params, 400);
    setTimeout(open, 380);
    await expect(queued).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'TIMEOUT' } });
    await Promise.all(running);
    expect(sent).toHaveLength(limit);
  });

  it('wait no longer than leaves a read a quarter of its budget (at most 1 s) to run in', () => {
    expect(waitAllowed(10_000)).toBe(9_000);
    expect(waitAllowed(2_000)).toBe(1_500);
    expect(waitAllowed(400)).toBe(300);
  });
});
