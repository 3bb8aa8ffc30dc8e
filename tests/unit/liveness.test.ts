// The liveness probe's rule (src/db/liveness.ts) and the availability it sets (src/db/availability.ts),
// without Neo4j: a probe that is not answered for the miss time marks the database not answering,
// at once, and an answer marks it answering again; a slow answer, a single failure or this process
// being busy itself never does.
import { afterEach, describe, expect, it } from 'vitest';
import { watchLiveness, type Liveness, type LivenessTiming, type Probe } from '../../src/db/liveness.js';
import { Availability } from '../../src/db/availability.js';

const timing: LivenessTiming = { everyMs: 50, missAfterMs: 400, abandonAfterMs: 1_500 };
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let watching: Liveness | undefined;
afterEach(() => watching?.stop());

/** Watches `probe`; the changes it reports, each with when (ms after the start). */
function watch(probe: Probe): { changes: { answering: boolean; at: number }[] } {
  const started = performance.now();
  const changes: { answering: boolean; at: number }[] = [];
  watching = watchLiveness(probe, (answering) => changes.push({ answering, at: performance.now() - started }), timing);
  return { changes };
}

describe('the liveness probe', () => {
  it('leaves a database that answers, however busy (answers just under the miss time), answering', async () => {
    const { changes } = watch(() => pause(300));
    await pause(2_000);
    expect(changes).toEqual([]);
    expect(watching!.answering()).toBe(true);
  });

  it('declares a database that stops answering not answering once a probe is unanswered for the miss time, and answering at its next answer', async () => {
    let stopped = false;
    let resume: (() => void) | undefined;
    const resumed = new Promise<void>((r) => (resume = r));
    const { changes } = watch(() => (stopped ? resumed : pause(5)));
    await pause(300);
    stopped = true;
    const stoppedAt = performance.now();
    while (watching!.answering() && performance.now() - stoppedAt < 3_000) await pause(5);
    const missedAfter = performance.now() - stoppedAt;
    // Seen within one probe interval plus the miss time (and a little for a busy machine).
    expect(missedAfter).toBeGreaterThanOrEqual(timing.missAfterMs - 50);
    expect(missedAfter).toBeLessThan(timing.everyMs + timing.missAfterMs + 300);
    stopped = false;
    const resumeAt = performance.now();
    resume!();
    while (!watching!.answering() && performance.now() - resumeAt < 3_000) await pause(5);
    // The probe in flight is the one answered: no wait for a new one.
    expect(performance.now() - resumeAt).toBeLessThan(100);
    expect(changes.map((c) => c.answering)).toEqual([false, true]);
  });

  it('gives up a probe unanswered for the abandon time and sends another (the connection may never answer)', async () => {
    const signals: AbortSignal[] = [];
    let hang = true;
    watch((abandon) => {
      signals.push(abandon);
      return hang ? new Promise<void>(() => undefined) : Promise.resolve();
    });
    await pause(timing.abandonAfterMs + 300);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals.length).toBe(2);
    expect(watching!.answering()).toBe(false);
    hang = false;
    // The second probe, sent while hanging, is given up in its turn; the third answers.
    await pause(timing.abandonAfterMs + 600);
    expect(watching!.answering()).toBe(true);
  });

  it('takes failures (a refused connection) for a miss only once they last the miss time', async () => {
    let failing = false;
    const { changes } = watch(() => (failing ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve()));
    await pause(200);
    failing = true;
    await pause(timing.missAfterMs / 2);
    expect(watching!.answering()).toBe(true);
    await pause(timing.missAfterMs);
    expect(watching!.answering()).toBe(false);
    failing = false;
    await pause(timing.everyMs * 3);
    expect(changes.map((c) => c.answering)).toEqual([false, true]);
  });

  it('does not blame the database for time this process could not run (a long synchronous task)', async () => {
    let n = 0;
    const { changes } = watch(
      () =>
        new Promise<void>((resolve) => {
          // The third probe is sent, then this process is busy for twice the miss time before the
          // answer can be read: the answer was there all along.
          if (++n !== 3) return void setTimeout(resolve, 5);
          setTimeout(() => {
            const until = Date.now() + 2 * timing.missAfterMs;
            while (Date.now() < until);
            setImmediate(resolve);
          }, 5);
        }),
    );
    await pause(2_000);
    expect(n).toBeGreaterThan(3);
    expect(changes).toEqual([]);
  });
});

describe('the availability', () => {
  it('says why the database may not be asked, a restart or warm-up over a stall, and cuts statements in flight at once', () => {
    const a = new Availability();
    expect(a.reason()).toBeNull();
    const first = a.signal();
    expect(first.aborted).toBe(false);
    a.setStalled(true);
    expect(a.reason()).toBe('DATABASE_STALLED');
    expect(first.aborted).toBe(true);
    expect(first.reason).toBe('DATABASE_STALLED');
    a.setPhase('DATABASE_RESTARTING');
    expect(a.reason()).toBe('DATABASE_RESTARTING');
    a.setStalled(false);
    a.setPhase('DATABASE_WARMING');
    expect(a.reason()).toBe('DATABASE_WARMING');
    expect(a.signal()).toBe(first);
    a.setPhase('UP');
    expect(a.reason()).toBeNull();
    // Back: a fresh signal for the statements sent from now on.
    expect(a.signal()).not.toBe(first);
    expect(a.signal().aborted).toBe(false);
  });
});
