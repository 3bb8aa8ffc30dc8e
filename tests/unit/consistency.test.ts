// Whether a request read one state of the graph, from the write counts before and after
// (src/db/consistency.ts): given these readings, this verdict.
import { describe, expect, it } from 'vitest';
import { CHAINED_READING_MAX_AGE_MS, oneStateAcross, SharedReadings, unchangedBetween } from '../../src/db/consistency.js';

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
  const reader = () => {
    const started: number[] = [];
    let n = 0;
    const readings = new SharedReadings(async () => {
      started.push(++n);
      await new Promise((r) => setTimeout(r, 5));
      return { begun: n, done: n, stale: false };
    });
    return { readings, started };
  };

  it('lets requests that start while a first reading is under way share it', async () => {
    const { readings, started } = reader();
    const [a, b] = await Promise.all([readings.before(), readings.before()]);
    expect(a).toBe(b);
    expect(started).toEqual([1]);
    // Once it is over, the next request's reading is a new one.
    expect((await readings.before()).begun).toBe(2);
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
});

describe('SharedReadings.chained (the latest reading received, as a question’s reading before)', () => {
  const readings = () => new SharedReadings(async () => counts(5, 5));

  it('hands out the latest reading received, balanced, while it is fresh', async () => {
    const r = readings();
    expect(r.chained()).toBe(null); // none received yet
    const taken = r.before(); // under way: not yet received, so not a reading before anything
    expect(r.chained()).toBe(null);
    await taken;
    expect(r.chained()).toEqual(counts(5, 5));
    r.noted(counts(6, 6));
    expect(r.chained()).toEqual(counts(6, 6));
    expect(r.chained(performance.now() + CHAINED_READING_MAX_AGE_MS + 1)).toBe(null);
  });

  it('hands out no unbalanced reading (the request would fail for certain), but a stale one', () => {
    const r = readings();
    r.noted(counts(7, 6));
    expect(r.chained()).toBe(null);
    r.noted(counts(7, 6, true));
    expect(r.chained()).toEqual(counts(7, 6, true));
  });

  it('forgets the latest reading when a write of this process begins', () => {
    const r = readings();
    r.noted(counts(6, 6));
    r.forget();
    expect(r.chained()).toBe(null);
  });
});
