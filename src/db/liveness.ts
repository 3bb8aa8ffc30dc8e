// Is the database answering right now? The driver cannot tell: a JVM that is stopped (SIGSTOP, a
// frozen host or VM) keeps its sockets open, so a statement sent to it waits out its whole deadline
// (10 s + 2 s) and only then fails. A trivial statement (cypher/liveness-probe.cypher) sent every
// PROBE_EVERY_MS on a driver of its own says it within two seconds: unanswered for
// MISS_AFTER_MS, the database is declared not answering; answered again, it is answering again.
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from './cypher.js';

/** How often the probe is sent: a stall is seen at most this long after it begins, plus MISS_AFTER_MS. */
export const PROBE_EVERY_MS = 250;
/**
 * A probe unanswered this long is a miss. RETURN 1 reads nothing: an idle JVM answers it in about
 * a millisecond, one loading documents or warming up on two busy cores within 0.4 s, and the
 * slowest answer measured was 1.4 s, while a JVM just started created its schema. A JVM that does
 * not answer for longer is not running. Short enough that a request gets its 503 within 2 s of a
 * stall (at most PROBE_EVERY_MS + MISS_AFTER_MS = 1.75 s).
 */
export const MISS_AFTER_MS = 1_500;
/**
 * A probe still unanswered after this long is given up, its driver and connection with it, and
 * a new one is sent: a connection to a host that vanished may never answer nor fail.
 */
export const ABANDON_AFTER_MS = 5_000;

/** Sends one probe; resolves when the database answered. Aborted: the probe is given up. */
export type Probe = (abandon: AbortSignal) => Promise<void>;

export interface Liveness {
  /** False from the first miss until the next answer. */
  answering(): boolean;
  stop(): void;
}

export interface LivenessTiming {
  everyMs: number;
  missAfterMs: number;
  abandonAfterMs: number;
}

const DEFAULT_TIMING: LivenessTiming = { everyMs: PROBE_EVERY_MS, missAfterMs: MISS_AFTER_MS, abandonAfterMs: ABANDON_AFTER_MS };

/** Probes until stop(); onChange is told each change (false: a miss, true: an answer after one). */
export function watchLiveness(probe: Probe, onChange: (answering: boolean) => void, timing: LivenessTiming = DEFAULT_TIMING): Liveness {
  let answering = true;
  let stopped = false;
  let lastAnswer = Date.now();
  const set = (value: boolean) => {
    if (value === answering || stopped) return;
    answering = value;
    onChange(value);
  };

  const loop = async () => {
    while (!stopped) {
      const sent = Date.now();
      const abandon = new AbortController();
      let outcome: 'answered' | 'failed' | null = null;
      const settled = probe(abandon.signal).then(
        () => void (outcome = 'answered'),
        () => void (outcome = 'failed'),
      );
      await waitResponsive(settled, () => outcome !== null, timing.missAfterMs);
      // The last tick may have fired with the answer already read off the socket but not yet
      // delivered: one turn of the event loop lets the driver deliver it before the database is blamed.
      if (outcome === null) await new Promise((r) => setImmediate(r));
      if (outcome === null) {
        set(false);
        // The same probe is awaited on: a database that resumes (SIGCONT) answers it at once.
        await Promise.race([settled, sleep(timing.abandonAfterMs - timing.missAfterMs)]);
        if (outcome === null) {
          abandon.abort();
          continue;
        }
      }
      if (outcome === 'answered') {
        lastAnswer = Date.now();
        set(true);
      } else if (Date.now() - lastAnswer >= timing.missAfterMs) {
        // A refused or broken connection: one failure may be a blip, failures for as long as a
        // miss are an outage.
        set(false);
      }
      await sleep(Math.max(0, timing.everyMs - (Date.now() - sent)));
    }
  };
  void loop();
  return {
    answering: () => answering,
    stop: () => {
      stopped = true;
    },
  };
}

/**
 * The probe over a driver of its own (a connection or two), so that it never queues behind the
 * requests' statements for a pooled connection: a busy pool is not a stalled database. A probe
 * given up takes its driver with it (closing the driver drops the hung connection) and the next
 * probe opens a new one.
 */
export function driverProbe(open: () => Driver, database: string | undefined): { probe: Probe; close(): Promise<void> } {
  let driver = open();
  const text = cypher('liveness-probe');
  return {
    probe: async (abandon) => {
      const current = driver;
      abandon.addEventListener(
        'abort',
        () => {
          if (driver !== current) return;
          driver = open();
          void current.close().catch(() => undefined);
        },
        { once: true },
      );
      const session = current.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.run(text, {}, { timeout: ABANDON_AFTER_MS });
      } finally {
        // Not awaited: closing a session on a connection that does not answer would wait with it.
        void session.close().catch(() => undefined);
      }
    },
    close: () => driver.close(),
  };
}

/**
 * How finely the wait for an answer is measured. Time this process itself could not run (a long
 * synchronous task: the probe may not even have been written to its socket) is not the
 * database's: of each tick at most two ticks' worth count towards a miss.
 */
const TICK_MS = 100;

/** Resolves once `done()` or `ms` of time in which this process was responsive has passed. */
async function waitResponsive(settled: Promise<void>, done: () => boolean, ms: number): Promise<void> {
  let waited = 0;
  let last = Date.now();
  while (waited < ms && !done()) {
    await Promise.race([settled, sleep(Math.min(TICK_MS, ms - waited))]);
    const now = Date.now();
    waited += Math.min(now - last, 2 * TICK_MS);
    last = now;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
