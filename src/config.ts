// The service's settings, read from the environment and checked at start against the one
// declaration of every variable (src/environment.ts) with envalid: booleans read as booleans
// ("false" is false), numbers within their bounds, and any name under BUDGET_GRAPH_ or NEO4J_ that
// is not declared refused, every problem listed at once.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from 'envalid';
import { declared, ENVIRONMENT, OWN_PREFIXES } from './environment.js';
import { entriesOf, isKeyOf } from './keys.js';

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

/** Exit status of a start refused for its configuration (sysexits' EX_CONFIG, as the launcher's). */
export const EXIT_CONFIG = 78;

/** The environment does not hold a valid configuration; `problems` has one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        `budget-graph: the environment has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was started:`,
        ...problems.map((p) => `  ${p}`),
        `Settings: ${declared('server')
          .map(([n]) => n)
          .join(', ')}.`,
        `Set by the tooling: ${declared()
          .filter(([, d]) => d.scope === 'test' || d.scope === 'build' || d.scope === 'script')
          .map(([n]) => n)
          .join(', ')}. (README, "Configuration".)`,
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export type Environment = Record<string, string | undefined>;

/** Edit distance, for "did you mean" (names are short). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function unknownNames(env: Environment): string[] {
  const candidates = declared()
    .filter(([, d]) => d.scope !== 'launcher' && d.scope !== 'foreign')
    .map(([n]) => n);
  const problems: string[] = [];
  for (const name of Object.keys(env).sort()) {
    // Case-insensitively: `neo4j_uri` is a mistake too, not someone else's name.
    if (!OWN_PREFIXES.some((p) => name.toUpperCase().startsWith(p)) || env[name] === undefined) continue;
    const known = isKeyOf(ENVIRONMENT, name) ? ENVIRONMENT[name] : undefined;
    if (known?.scope === 'launcher') problems.push(`${name}: not read by the server (it sets this for the embedded Neo4j's JVM itself); unset it`);
    else if (!known) {
      const near = candidates.map((c) => [c, distance(name.toUpperCase(), c)] as const).sort((x, y) => x[1] - y[1])[0];
      problems.push(`${name}: not a setting of this service${near && near[1] <= 3 ? ` (did you mean ${near[0]}?)` : ''}`);
    }
  }
  return problems;
}

/** Reads and checks every declared variable; throws ConfigError listing every problem. */
function validated(env: Environment) {
  // An empty value is the default (docker compose writes `NAME: ${NAME:-}`).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const problems = unknownNames(given);
  const clean = cleanEnv(given, ENVIRONMENT, {
    reporter: ({ errors }) => {
      for (const [name, err] of entriesOf(errors)) {
        if (!err) continue;
        const d = ENVIRONMENT[name];
        const why = /^Invalid bool input/.test(err.message) ? 'not a boolean' : /not in choices/.test(err.message) ? 'not one of the choices' : err.message;
        problems.push(`${name}=${JSON.stringify(given[name])}: ${why}; expected ${d.accepts.replace(/`/g, '')}`);
      }
    },
  });
  if (problems.length) throw new ConfigError(problems);
  return clean;
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
  /** Origins whose web apps may call /graphql and /export (comma-separated; `*` = any). */
  corsOrigins: string | undefined;
  /** On SIGTERM, how long requests still get a 503 before the port closes (ms). */
  shutdownGraceMs: number;
}

export interface Config {
  neo4j: Neo4jSettings;
  server: ServerSettings;
}

/** The whole configuration, checked; throws ConfigError (every problem listed) when it is not valid. */
export function readConfig(env: Environment = process.env): Config {
  const e = validated(env);
  const clientLimits = e.BUDGET_GRAPH_CLIENT_LIMITS;
  return {
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER ?? 'neo4j',
      password: e.NEO4J_PASSWORD ?? 'neo4j',
      database: e.NEO4J_DATABASE,
      dataDir: e.NEO4J_DATA_DIR ?? join(projectRoot, '.data', 'neo4j'),
      boltPort: e.NEO4J_BOLT_PORT,
      heapMb: e.NEO4J_HEAP_MB,
      pageCacheMb: e.NEO4J_PAGECACHE_MB,
      txTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
    },
    server: {
      host: e.HOST ?? '127.0.0.1',
      port: e.PORT,
      token: e.BUDGET_GRAPH_TOKEN,
      dataDir: e.BUDGET_GRAPH_DATA ?? join(projectRoot, 'data'),
      loadOnStart: e.BUDGET_GRAPH_LOAD_ON_START,
      cacheAnswers: e.BUDGET_GRAPH_CACHE,
      clientConcurrency: clientLimits ? e.BUDGET_GRAPH_CLIENT_CONCURRENCY : 0,
      clientRatePerSecond: clientLimits ? e.BUDGET_GRAPH_CLIENT_RATE : 0,
      cacheMb: e.BUDGET_GRAPH_CACHE_MB,
      logLevel: e.BUDGET_GRAPH_LOG_LEVEL ?? (e.VITEST ? 'warn' : 'info'),
      allowedHosts: e.BUDGET_GRAPH_HOSTS,
      trustedProxies: e.BUDGET_GRAPH_TRUSTED_PROXIES,
      corsOrigins: e.BUDGET_GRAPH_CORS_ORIGINS,
      shutdownGraceMs: e.BUDGET_GRAPH_SHUTDOWN_GRACE_MS,
    },
  };
}

export function neo4jSettings(env: Environment = process.env): Neo4jSettings {
  return readConfig(env).neo4j;
}

export function serverSettings(env: Environment = process.env): ServerSettings {
  return readConfig(env).server;
}

/**
 * For the entry points (npm start, npm run load, npm run neo4j): the checked configuration, or
 * the list of problems on stderr and exit 78 before anything starts.
 */
export function configOrExit(env: Environment = process.env): Config {
  try {
    return readConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(EXIT_CONFIG);
  }
}
