// What health last read from Neo4j (its version, the document count), kept per database: while
// a large write keeps the JVM busy, the two statements behind `health` can take a second though
// the database answers its liveness probe (measured: up to 1,062 ms while a 14,970-record
// document was replaced, /healthz 119 ms). health then answers from the probe's verdict and
// these last readings instead of waiting (src/api/resolvers/health-resolver.ts).
import type { Database } from '../db/connection.js';

export interface HealthMemo {
  version: { version: string; edition: string } | null;
  documents: number | null;
}

const memos = new WeakMap<Database, HealthMemo>();

export function healthMemoOf(db: Database): HealthMemo {
  let memo = memos.get(db);
  if (!memo) {
    memo = { version: null, documents: null };
    memos.set(db, memo);
  }
  return memo;
}
