// Reads that answer a whole question with no page: projectsFeedingCode over all years returns
// every link of a code (1,064 rows, 450 KB, 0.1 s of the server's CPU at 1,000 generated
// documents). Fifty of them at once kept the JVM's two cores so busy that the trivial liveness
// probe went unanswered for 1.5 s, again and again, and every request of the process got 503
// DATABASE_STALLED meanwhile (bench/results/2026-12-07-api-speed.md). A process now sends at most
// a few of them at a time and the others wait here, in arrival order; throughput is the JVM's
// either way (it was CPU-bound), but the other questions and the probe keep getting through.
import { availableParallelism } from 'node:os';
import type { StatementName } from './statements.generated.js';

/** Statements whose answer grows with the corpus, unpaged. */
export const WIDE_READS: ReadonlySet<StatementName> = new Set<StatementName>(['projects-feeding-code']);

/** At most `limit` holders at once; the others wait in arrival order. */
export class Gate {
  private held = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Resolves once held, with the release (a second call of it does nothing). */
  async acquire(): Promise<() => void> {
    if (this.held < this.limit) this.held++;
    // The releaser hands its place straight to the next in line: held stays at the limit.
    else await new Promise<void>((resolve) => this.queue.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.held--;
    };
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
