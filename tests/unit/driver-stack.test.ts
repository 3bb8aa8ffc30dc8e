// The driver takes `new Error().stack` for every Result it makes (neo4j-driver-core result.js,
// captureStacktrace), to graft onto a failure later; formatting it cost ~50 µs a Result, 3 % of
// the server's CPU for a one-statement question (#41 item 4). The runner starts the driver's work
// with no frames to capture (run.ts, withoutCallerStack). Checked against a driver that captures
// as the real one does: the frames taken are counted, not timed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { databaseOver } from './fake-database.js';
import { cypher } from '../../src/db/cypher.js';
import { QueryRunner } from '../../src/db/run.js';

/** Frames in each stack the fake driver captured (Error.prepareStackTrace sees them as V8 does). */
const framesTaken: number[] = [];
const original = Error.prepareStackTrace;
afterEach(() => {
  Error.prepareStackTrace = original;
  framesTaken.length = 0;
});

function capture(): void {
  Error.prepareStackTrace = (_err, frames) => (framesTaken.push(frames.length), '');
  // What Result's constructor does (captureStacktrace): the stack is read at once.
  void new Error('').stack;
  Error.prepareStackTrace = original;
}

function fakeDatabase(): Database {
  const answer = async (text: string) => {
    const row: Record<string, unknown> = text === cypher('graph-write-state') ? { begun: 1, done: 1, stale: false } : { n: 1 };
    return { records: [{ get: (k: string) => row[k] }], summary: {} };
  };
  const run = (text: string) => (capture(), answer(text));
  const driver = {
    session: () => ({
      run,
      beginTransaction: () => ({ run, commit: () => Promise.resolve(), rollback: () => Promise.resolve(), isOpen: () => true }),
      close: () => Promise.resolve(),
    }),
  };
  return databaseOver(driver);
}

describe("the driver's stack capture per Result", () => {
  it('takes no frames for a read, alone or between the write counts, and leaves the limit as it was', async () => {
    const limit = Error.stackTraceLimit;
    await new QueryRunner(fakeDatabase()).read('graph-version');
    await new QueryRunner(fakeDatabase()).watchWrites().read('graph-version');
    // One Result for the auto-commit read, three for the question between its readings.
    expect(framesTaken).toEqual([0, 0, 0, 0]);
    expect(Error.stackTraceLimit).toBe(limit);
    capture();
    expect(framesTaken[4]).toBeGreaterThan(0);
  });
});
