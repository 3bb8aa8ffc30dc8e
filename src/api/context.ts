// Per-request context: a fresh QueryRunner (to count round-trips) and fresh DataLoaders.
// Nothing here is shared between requests, so no request can see another's cache.
import { createLoaders, type Loaders } from '../../loaders/index.js';
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { Repository } from '../query/repository.js';
import type { ResponseCache } from './response-cache.js';

export interface ApiContext {
  runner: QueryRunner;
  repo: Repository;
  loaders: Loaders;
  /** True when the request carried `Authorization: Bearer <BUDGET_GRAPH_TOKEN>`. */
  authorized: boolean;
  /** False when no token is configured: ingest is then disabled for everyone. */
  ingestEnabled: boolean;
  /** The server's answer cache (shared by design: answers carry no per-user data); null when off. */
  cache: ResponseCache | null;
}

export function createContext(db: Database, authorized: boolean, ingestEnabled = false, cache: ResponseCache | null = null): ApiContext {
  const runner = new QueryRunner(db);
  const repo = new Repository(runner);
  return { runner, repo, loaders: createLoaders(repo), authorized, ingestEnabled, cache };
}
