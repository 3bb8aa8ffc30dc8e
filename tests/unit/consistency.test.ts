// Whether a request read one state of the graph, from the write counts before and after
// (src/db/consistency.ts): given these readings, this verdict.
import { describe, expect, it } from 'vitest';
import { oneStateAcross, RECENT_READING_MS, SharedReadings, unchangedBetween } from '../../src/db/consistency.js';

const counts = (begun: number, done: number, stale = false) => ({ begun, done, stale });

describe('unchangedBetween', () => {
  it('trusts a request during which no write began or ended', () => {
    expect(unchangedBetween(counts(7, 7), counts(7, 7))).toBe(true);
  });
  it('asks again when a write began before the first reading and is not done (its commit may be applied meanwhile)', () => {
    expect(unchangedBetween(counts(8, 7), counts(8, 7))).toBe(false);
  });
  it('asks again when a write began or ended between the readings', () => {
    expect(unchangedBetween(counts(7, 7), counts(8, 7))).toBe(false);
    expect(unchangedBetween(counts(8, 7), counts(8, 8))).toBe(false);
    expect(unchangedBetween(counts(7, 7), counts(8, 8))).toBe(false);
  });
  it('ignores a count a dead writer left unbalanced once it is stale, and only while nothing moves', () => {
    expect(unchangedBetween(counts(8, 7, true), counts(8, 7, true))).toBe(true);
    expect(unchangedBetween(counts(8, 7, true), counts(9, 7, false))).toBe(false);
  });
  it('trusts an empty graph that has never been written (no counts node)', () => {
    expect(unchangedBetween(counts(0, 0, true), counts(0, 0, true))).toBe(true);
  });
});

describe('oneStateAcross (the readings each question of a request carried)', () => {
  it('trusts a request whose readings are all the same and balanced, and one that read nothing guarded', () => {
    expect(oneStateAcross([counts(7, 7), counts(7, 7), counts(7, 7), counts(7, 7)])).toBe(true);
    expect(oneStateAcross([])).toBe(true);
  });
  it('asks again when any question of the request saw the counts move, even if its own two readings agree', () => {
    // Two questions, each with equal readings of its own, but a commit between them.
    expect(oneStateAcross([counts(7, 7), counts(7, 7), counts(8, 8), counts(8, 8)])).toBe(false);
    expect(oneStateAcross([counts(7, 7), counts(8, 7)])).toBe(false);
  });
  it('asks again while a write is begun and not done, unless a dead writer left it stale in every reading', () => {
    expect(oneStateAcross([counts(8, 7), counts(8, 7)])).toBe(false);
    expect(oneStateAcross([counts(8, 7, true), counts(8, 7, true)])).toBe(true);
    expect(oneStateAcross([counts(8, 7, true), counts(8, 7, false)])).toBe(false);
  });
});

describe('SharedReadings', () => {
  const reader = (clock: () => number = () => performance.now()) => {
    const started: number[] = [];
    let n = 0;
    const readings = new SharedReadings(async () => {
      started.push(++n);
      await new Promise((r) => setTimeout(r, 5));
      return { begun: n, done: n, stale: false };
    }, clock);
    return { readings, started };
  };

  it('lets requests that start while a first reading is under way share it', async () => {
    let clock = 0;
    const { readings, started } = reader(() => clock);
    const [a, b] = await Promise.all([readings.before(), readings.before()]);
    expect(a).toBe(b);
    expect(started).toEqual([1]);
    // Once it is over, and no longer recent, the next request's reading is a new one.
    clock += RECENT_READING_MS;
    expect((await readings.before()).begun).toBe(2);
  });

  it('hands a request that starts a reading completed less than RECENT_READING_MS ago, and no older one', async () => {
    let clock = 1_000;
    let n = 0;
    const readings = new SharedReadings(async () => ({ begun: ++n, done: n, stale: false }), () => clock);
    expect(readings.recent()).toBeNull();
    const taken = await readings.after();
    expect(taken.begun).toBe(1);
    clock += RECENT_READING_MS - 1;
    // Completed before the question is sent: a sound first reading, and no new one is taken.
    expect(await readings.before()).toBe(taken);
    expect(n).toBe(1);
    clock += 1;
    expect(readings.recent()).toBeNull();
    expect((await readings.before()).begun).toBe(2);
    // A question's own reading (in its transaction) serves the same way.
    readings.noted({ begun: 7, done: 7, stale: false });
    expect(readings.recent()).toEqual({ begun: 7, done: 7, stale: false });
  });

  it('never hands a request a second reading that started before it asked', async () => {
    const { readings, started } = reader();
    const first = readings.after();
    await new Promise((r) => setImmediate(r)); // the first reading has started
    const second = readings.after();
    expect(await second).not.toBe(await first);
    expect(started).toEqual([1, 2]);
    // Asked together before one starts: one reading for both.
    const [c, d] = await Promise.all([readings.after(), readings.after()]);
    expect(c).toBe(d);
  });

  it('starts a reading after once the one under way is over, shared by every request that ended meanwhile', async () => {
    const { readings, started } = reader(() => 0);
    const first = readings.after();
    await new Promise((r) => setImmediate(r)); // the first reading has started (5 ms)
    expect(started).toEqual([1]);
    const second = readings.after();
    await new Promise((r) => setImmediate(r));
    const third = readings.after(); // another turn of the loop, the first still under way
    // Not started while the first is read: the two requests ending meanwhile wait for one reading.
    expect(started).toEqual([1]);
    expect(await second).toBe(await third);
    expect(started).toEqual([1, 2]);
    expect((await first).begun).toBe(1);
    expect((await second).begun).toBe(2);
  });
});
