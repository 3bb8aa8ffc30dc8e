// Whether the database may be asked now, and if not, why: the one state that the statement runner,
// /healthz, the health query and the answer cache all read, so they never disagree. Two sources
// set it: the supervisor of the embedded JVM (restarting, then warming up) and the liveness probe
// (a database that stopped answering). A statement in flight when it turns unavailable is cut
// through signal(), so it fails now instead of waiting out its own deadline.
import { setMaxListeners } from 'node:events';
import { ServiceUnavailableError } from '../errors.js';

/** Why the database may not be asked now: the `reason` of the 503 a request gets meanwhile. */
export type UnavailableReason = 'DATABASE_RESTARTING' | 'DATABASE_WARMING' | 'DATABASE_STALLED';
export const isUnavailableReason = (value: unknown): value is UnavailableReason => value === 'DATABASE_RESTARTING' || value === 'DATABASE_WARMING' || value === 'DATABASE_STALLED';

/** Where the embedded JVM's life is (NEO4J_URI: always UP, the probe alone speaks). */
export type Phase = 'UP' | 'DATABASE_RESTARTING' | 'DATABASE_WARMING';

const MESSAGES: Record<UnavailableReason, string> = {
  DATABASE_RESTARTING: 'The graph database is restarting; try again in a few seconds.',
  DATABASE_WARMING: 'The graph database has restarted and is loading its caches; try again in a few seconds.',
  DATABASE_STALLED: 'The graph database is not answering; try again shortly.',
};

/** The error a statement gets while the database is unavailable for `reason`. */
export function unavailableError(reason: UnavailableReason): ServiceUnavailableError {
  return new ServiceUnavailableError(MESSAGES[reason], { reason });
}

export class Availability {
  private phase: Phase = 'UP';
  private stalled = false;
  /** Aborted (its reason: the UnavailableReason) while the database is unavailable; a new one once it is back. */
  private controller = listenedByEveryStatement();

  /** Null while the database may be asked; else why not. A restart or warm-up says more than a stall. */
  reason(): UnavailableReason | null {
    if (this.phase !== 'UP') return this.phase;
    return this.stalled ? 'DATABASE_STALLED' : null;
  }

  getPhase(): Phase {
    return this.phase;
  }

  /** Aborted the moment the database becomes unavailable: what a statement in flight races against. */
  signal(): AbortSignal {
    return this.controller.signal;
  }

  setPhase(phase: Phase): void {
    this.phase = phase;
    this.changed();
  }

  setStalled(stalled: boolean): void {
    this.stalled = stalled;
    this.changed();
  }

  private changed(): void {
    const reason = this.reason();
    if (reason !== null && !this.controller.signal.aborted) this.controller.abort(reason);
    else if (reason === null && this.controller.signal.aborted) this.controller = listenedByEveryStatement();
  }
}

/** Every statement in flight listens to the signal: hundreds at once are expected, not a leak to warn of. */
function listenedByEveryStatement(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
