// Structured logs: one JSON line per request (operation, duration, round-trips, status, request
// id) and the detail of every internal error, on stderr. pino: fast, well kept, JSON by default.
// Lines are written in batches of 4 KB: one write per request cost ~12% of the throughput of a
// small question under load. So that a quiet server's lines do not wait minutes for the batch to
// fill, what is held is written at least every second, and an error (level ≥ 50) at once.
import { pino, type DestinationStream, type Logger } from 'pino';

/** The longest a line waits in the batch. */
export const LOG_FLUSH_MS = 1_000;
const ERROR_LEVEL = 50;

/** `dest`: a file descriptor (stderr by default) or a path; tests write to a file. */
export function createLogger(level: string, dest: number | string = 2): Logger {
  const out = pino.destination({ dest, sync: false, minLength: 4096 });
  // unref: the timer never keeps a process alive that is otherwise done. A silent logger writes nothing.
  if (level !== 'silent') setInterval(() => flushQuietly(out), LOG_FLUSH_MS).unref();
  return pino(
    {
      level,
      base: { service: 'budget-graph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method, lineLevel) {
          method.apply(this, args);
          if (lineLevel >= ERROR_LEVEL) flushQuietly(out);
        },
      },
    },
    out,
  );
}

/** SonicBoom refuses a flush while it is not ready yet (the file still opening) or while it writes: the next one catches up. */
function flushQuietly(out: DestinationStream & { flush?(cb?: (err?: Error) => void): void }): void {
  try {
    out.flush?.(() => undefined);
  } catch {
    // not ready or busy; the interval or the batch writes it
  }
}

export type { Logger };
