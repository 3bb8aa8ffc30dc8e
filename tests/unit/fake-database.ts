// A Database around a fake driver, with only what QueryRunner's reads use: the runner's tests
// (transactions, readings, wide reads, the driver's stacks) each give the driver they need.
import type { Database } from '../../src/db/connection.js';

export interface FakeDatabaseOptions {
  txTimeoutMs?: number;
  /** The signal the runner races its reads against (a test cuts it to take Neo4j away). */
  unavailableSignal?: () => AbortSignal;
}

export function databaseOver(driver: unknown, options: FakeDatabaseOptions = {}): Database {
  return {
    driver,
    database: undefined,
    txTimeoutMs: options.txTimeoutMs ?? 1000,
    bookmarks: undefined,
    isUp: () => true,
    unavailableReason: () => null,
    unavailableSignal: options.unavailableSignal ?? (() => new AbortController().signal),
    samples: { note: () => undefined },
  } as unknown as Database; // only what QueryRunner's reads use
}
