// Per-request context: a fresh QueryRunner (to count and cap round-trips) and fresh DataLoaders.
// Nothing here is shared between requests, so no request can see another's cache.
import { createLoaders, type Loaders } from '../../loaders/index.js';
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { Repository } from '../query/repository.js';
import type { ResponseCache } from './response-cache.js';
import type { IngestService } from './ingest-service.js';
import { LIMITS } from './limits.js';
import { healthMemoOf, type HealthMemo } from './health-memo.js';

export interface ApiContext {
  requestId: string;
  runner: QueryRunner;
  repo: Repository;
  loaders: Loaders;
  /** True when the request carried `Authorization: Bearer <BUDGET_GRAPH_TOKEN>`. */
  authorized: boolean;
  /** False when no token is configured: ingest is then disabled for everyone. */
  ingestEnabled: boolean;
  /** The server's answer cache (shared by design: answers carry no per-user data); null when off. */
  cache: ResponseCache | null;
  /** Parses documents off the request thread and loads them; null where ingest is not served. */
  ingest: IngestService | null;
  /** False while the database is known to be down (the embedded one restarting or warming up, or not answering). */
  databaseUp(): boolean;
  /** Why databaseUp() is false (DATABASE_RESTARTING, DATABASE_WARMING, DATABASE_STALLED); null while it is true. */
  databaseDownReason(): string | null;
  /** What health last read from this database (health-memo.ts). */
  healthMemo: HealthMemo;
  /** Set when the answer came from the cache: what the question cost when it ran. */
  cachedRoundTrips?: number;
  /**
   * The caller reads the answer's data as objects (the export), not as the JSON text sent to a
   * client: a cached answer is then parsed back instead of handed over as the serializer's stand-in.
   */
  readsData?: boolean;
}

export interface ContextOptions {
  requestId?: string;
  authorized?: boolean;
  ingestEnabled?: boolean;
  cache?: ResponseCache | null;
  ingest?: IngestService | null;
  readsData?: boolean;
}

export function createContext(db: Database, opts: ContextOptions = {}): ApiContext {
  const runner = new QueryRunner(db, LIMITS.maxDatabaseQueries);
  const repo = new Repository(runner);
  return {
    requestId: opts.requestId ?? '-',
    runner,
    repo,
    loaders: createLoaders(repo),
    authorized: opts.authorized ?? false,
    ingestEnabled: opts.ingestEnabled ?? false,
    cache: opts.cache ?? null,
    ingest: opts.ingest ?? null,
    databaseUp: () => db.isUp(),
    databaseDownReason: () => db.unavailableReason(),
    healthMemo: healthMemoOf(db),
    readsData: opts.readsData ?? false,
  };
}
