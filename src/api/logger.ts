// Structured logs: one JSON line per request (operation, duration, round-trips, status, request
// id) and the detail of every internal error, on stderr. pino: fast, well kept, JSON by default.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'budget-graph' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 2, sync: false }));
}

export type { Logger };
