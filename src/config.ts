// Every setting the service reads from the environment, with its default, in one place.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json: the same from src/*.ts (tsx, vitest) and dist/src/*.js (npm start). */
export const projectRoot = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above src/config');
    dir = up;
  }
  return dir;
})();

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export interface Neo4jSettings {
  /** External server; when unset the embedded launcher is started. */
  uri: string | undefined;
  user: string;
  password: string;
  database: string | undefined;
  dataDir: string;
  boltPort: number | undefined;
  heapMb: number;
  pageCacheMb: number;
  txTimeoutMs: number;
}

export function neo4jSettings(): Neo4jSettings {
  return {
    uri: process.env.NEO4J_URI || undefined,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'neo4j',
    database: process.env.NEO4J_DATABASE || undefined,
    dataDir: process.env.NEO4J_DATA_DIR || join(projectRoot, '.data', 'neo4j'),
    boltPort: process.env.NEO4J_BOLT_PORT ? intEnv('NEO4J_BOLT_PORT', 7687) : undefined,
    heapMb: intEnv('NEO4J_HEAP_MB', 1024),
    pageCacheMb: intEnv('NEO4J_PAGECACHE_MB', 512),
    txTimeoutMs: intEnv('NEO4J_TX_TIMEOUT_MS', 10_000),
  };
}

export interface ServerSettings {
  host: string;
  port: number;
  token: string | undefined;
  dataDir: string;
  loadOnStart: boolean;
  cacheAnswers: boolean;
  /** Per client address: requests in flight at once, and requests per second (token bucket); 0 = no limit. */
  clientConcurrency: number;
  clientRatePerSecond: number;
  /** Answer cache size in MiB. */
  cacheMb: number;
  logLevel: string;
  /** Host names the server answers besides loopback and IP literals (comma-separated; `*` = any). */
  allowedHosts: string | undefined;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (rate limits per real client). */
  trustedProxies: string | undefined;
  /** On SIGTERM, how long requests still get a 503 before the port closes (ms). */
  shutdownGraceMs: number;
}

export function serverSettings(): ServerSettings {
  return {
    host: process.env.HOST || '127.0.0.1',
    port: intEnv('PORT', 4000),
    token: process.env.BUDGET_GRAPH_TOKEN || undefined,
    dataDir: process.env.BUDGET_GRAPH_DATA || join(projectRoot, 'data'),
    loadOnStart: process.env.BUDGET_GRAPH_LOAD_ON_START !== '0',
    cacheAnswers: process.env.BUDGET_GRAPH_CACHE !== '0',
    clientConcurrency: process.env.BUDGET_GRAPH_CLIENT_LIMITS === '0' ? 0 : intEnv('BUDGET_GRAPH_CLIENT_CONCURRENCY', 32),
    clientRatePerSecond: process.env.BUDGET_GRAPH_CLIENT_LIMITS === '0' ? 0 : intEnv('BUDGET_GRAPH_CLIENT_RATE', 200),
    cacheMb: intEnv('BUDGET_GRAPH_CACHE_MB', 64),
    logLevel: process.env.BUDGET_GRAPH_LOG_LEVEL || (process.env.VITEST ? 'warn' : 'info'),
    allowedHosts: process.env.BUDGET_GRAPH_HOSTS || undefined,
    trustedProxies: process.env.BUDGET_GRAPH_TRUSTED_PROXIES || undefined,
    shutdownGraceMs: intEnv('BUDGET_GRAPH_SHUTDOWN_GRACE_MS', 2_000),
  };
}
