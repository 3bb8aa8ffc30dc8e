// Per-request context: a fresh QueryRunner (to count round-trips) and fresh DataLoaders.
// Nothing here is shared between requests, so no request can see another's cache.
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { Repository } from '../query/repository.js';

export interface ApiContext {
  runner: QueryRunner;
  repo: Repository;
  authorized: boolean;
}

export function createContext(db: Database, authorized: boolean): ApiContext {
  const runner = new QueryRunner(db);
  return { runner, repo: new Repository(runner), authorized };
}
