// Reads that answer a whole question with no page: projectsFeedingCode over all years returns
// every link of a code (1,064 rows, 450 KB, 0.1 s of the server's CPU at 1,000 generated
// documents). Fifty of them at once kept the JVM's two cores so busy that the trivial liveness
// probe went unanswered for 1.5 s, again and again, and every request of the process got 503
// DATABASE_STALLED meanwhile (bench/RESULTS.md, 2026-12-07 third round, API speed). A process now sends at most
// a few of them at a time and the others wait here, in arrival order; throughput is the JVM's
// either way (it was CPU-bound), but the other questions and the probe keep getting through.
import { availableParallelism } from 'node:os';
import { ServiceUnavailableError } from '../errors.js';
import type { StatementName } from './statements.generated.js';

/** Statements whose answer grows with the corpus, unpaged. */
export const WIDE_READS: ReadonlySet<StatementName> = new Set<StatementName>(['projects-feeding-code']);

/**
 * A wait at the gate is bounded twice: no more than `maxWaiting` wait at once (one more is refused
 * at once), and none waits past its deadline (the time its read was given, so a request never reads
 * after its answer is due). Both refusals are 503 SERVICE_UNAVAILABLE, reason TIMEOUT, as a read
 * that ran out of time in the database is: to the client the service is busy either way.
 */
export class Gate {
  private held = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting = limit * WAITING_PER_HOLDER,
  ) {}

  /** Resolves once held, with the release (a second call of it does nothing); rejects past `waitMs` or a full queue. */
  async acquire(waitMs = Number.POSITIVE_INFINITY): Promise<() => void> {
    if (this.held < this.limit) this.held++;
    // The releaser hands its place straight to the next in line: held stays at the limit.
    else await this.wait(waitMs);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.held--;
    };
  }

  private wait(waitMs: number): Promise<void> {
    if (this.queue.length >= this.maxWaiting) return Promise.reject(busy(`${this.limit} whole-corpus reads are running and ${this.queue.length} wait`));
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      this.queue.push(admit);
      if (Number.isFinite(waitMs)) {
        timer = setTimeout(() => {
          // Out of line: a release meanwhile hands its place to the next one, not to this one.
          const at = this.queue.indexOf(admit);
          if (at >= 0) this.queue.splice(at, 1);
          reject(busy(`waited ${Math.round(waitMs / 1000)} s for one of ${this.limit} whole-corpus reads to finish`));
        }, waitMs);
      }
    });
  }

  /** Holders now. */
  get holding(): number {
    return this.held;
  }

  /** Waiting now. */
  get waiting(): number {
    return this.queue.length;
  }
}

/** Two wide reads a core: one the JVM computes while the server decodes another's answer. */
export const WIDE_READS_PER_CORE = 2;

/** Waiting places per running read: a burst is queued, a flood refused rather than held in memory. */
export const WAITING_PER_HOLDER = 8;

/**
 * How long a whole-corpus read allowed `allowedMs` may wait its turn: its budget less what it needs
 * left to run in, a quarter of it (at most 1 s). Past that it is refused as the wait's 503 TIMEOUT:
 * let in with a few milliseconds left, the statement outlived its deadline before a healthy Neo4j
 * could even report its own timeout, and the client's deadline called it DATABASE_STALLED
 * (projectsFeedingCode at 10,000 documents and c = 10, seventh round).
 */
export function waitAllowed(allowedMs: number): number {
  return allowedMs - Math.min(1_000, allowedMs / 4);
}

const busy = (why: string) => new ServiceUnavailableError(`The server is busy (${why}); try again in a moment.`, { reason: 'TIMEOUT' });

const gates = new WeakMap<object, Gate>();

/** The gate of one database (a process has one; tests make several). */
export function wideReadGate(db: object): Gate {
  let gate = gates.get(db);
  if (!gate) {
    gate = new Gate(WIDE_READS_PER_CORE * availableParallelism());
    gates.set(db, gate);
  }
  return gate;
}
