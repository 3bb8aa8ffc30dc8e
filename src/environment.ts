// Every environment variable the project reads or sets, declared once: its type and bounds (an
// envalid validator, checked at start by src/config.ts), its default, what it does, and who it is
// for. The README's configuration tables are generated from this list (`npm run docs:config`,
// checked by tests/unit/config.test.ts), and a name under BUDGET_GRAPH_ or NEO4J_ that is not here
// is refused at start, so a misspelt setting is never silently ignored.
import { bool, EnvError, makeValidator, str, type OptionalValidatorSpec, type RequiredValidatorSpec, type ValidatorSpec } from 'envalid';
import { corsPolicy } from './api/http/cors.js';
import { entriesOf } from './keys.js';

/**
 * Who a variable is for:
 * - `server`: the operator's settings, read by `npm start`, `npm run load` and `npm run neo4j`;
 * - `test`: set by the test runner (or vitest itself) for the processes it starts, never by operators;
 * - `build`: read by npm's install and build scripts (scripts/*.mjs);
 * - `script`: read by a developer script (scripts/*.ts);
 * - `launcher`: set by the server in the embedded Neo4j JVM's own environment, never read from the
 *   server's: refused there, since setting it changes nothing;
 * - `foreign`: another tool's name under our prefix (a Neo4j installation's); not read, accepted.
 */
export type Scope = 'server' | 'test' | 'build' | 'script' | 'launcher' | 'foreign';

export interface Documented {
  scope: Scope;
  /** The default as the README shows it. */
  shown: string;
  /** The values accepted, as the README and the start-up refusal say them. */
  accepts: string;
  /** What it does (README, Markdown). */
  meaning: string;
}

export type Declared<T> = ValidatorSpec<T> & Documented;

/** A whole number within bounds: digits only (envalid's num() would read "12abc" as 12, "1e3" as 1000). */
const integer = makeValidator<number>((raw) => {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) throw new EnvError('not a whole number');
  return Number(s);
});

type BoundedDoc = Omit<Documented, 'accepts'>;
function bounded(min: number, max: number, doc: BoundedDoc & { default: number }): RequiredValidatorSpec<number> & Documented;
function bounded(min: number, max: number, doc: BoundedDoc): OptionalValidatorSpec<number> & Documented;
function bounded(min: number, max: number, doc: BoundedDoc & { default?: number }): Declared<number> {
  const accepts = `whole number ${min.toLocaleString('en')}–${max.toLocaleString('en')}`;
  const spec = integer(doc.default === undefined ? { default: undefined } : { default: doc.default });
  const parse = spec._parse;
  return {
    ...spec,
    _parse: (raw: string) => {
      const n = parse(raw);
      if (n < min || n > max) throw new EnvError('out of bounds');
      return n;
    },
    ...doc,
    accepts,
  };
}

const BOOLEAN = '`1` / `0`, `true` / `false`, `yes` / `no`, `on` / `off`';

/** A boolean, read by envalid's bool(): "false", "0", "no", "off" are false; anything it does not know is refused. */
function flag(def: boolean, doc: Omit<Documented, 'accepts' | 'shown'>): Declared<boolean> {
  return { ...bool({ default: def }), ...doc, shown: def ? '`1`' : '`0`', accepts: BOOLEAN };
}

/** A flag of the tooling that reads it as exactly "1" (scripts/*.mjs, the parse worker). */
function toolFlag(doc: Omit<Documented, 'accepts' | 'shown'>): Declared<string> {
  return { ...str({ default: undefined, choices: ['0', '1'] }), ...doc, shown: 'unset', accepts: '`1` / `0`' };
}

function text(doc: Documented): Declared<string> {
  return { ...str({ default: undefined }), ...doc };
}

const BOLT_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const neo4jUri = makeValidator<string>((raw) => {
  const scheme = /^([a-z0-9+]+):\/\/[^/\s]+/i.exec(raw.trim())?.[1]?.toLowerCase();
  if (!scheme || !BOLT_SCHEMES.includes(scheme)) throw new EnvError('not a Neo4j address');
  return raw.trim();
});

const httpUrl = makeValidator<string>((raw) => {
  const url = URL.parse(raw.trim());
  if (!url || !/^https?:$/.test(url.protocol)) throw new EnvError('not an http(s) URL');
  return raw.trim();
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Name → declaration. Order is the README's. */
export const ENVIRONMENT = {
  NEO4J_URI: {
    ...neo4jUri({ default: undefined }),
    scope: 'server',
    shown: 'unset',
    accepts: `${BOLT_SCHEMES.map((s) => `\`${s}://\``).join(', ')} address`,
    meaning: 'use this Neo4j (e.g. `bolt://localhost:7687`) instead of starting the embedded one',
  } satisfies Declared<string>,
  NEO4J_USER: text({ scope: 'server', shown: '`neo4j`', accepts: 'text', meaning: 'user name for `NEO4J_URI` (the embedded server uses its own)' }),
  NEO4J_PASSWORD: text({ scope: 'server', shown: '`neo4j`', accepts: 'text', meaning: 'password for `NEO4J_URI` (the embedded server uses its generated password instead)' }),
  NEO4J_DATABASE: text({ scope: 'server', shown: 'server default', accepts: 'text', meaning: 'database name on an external server' }),
  NEO4J_DATA_DIR: text({ scope: 'server', shown: '`.data/neo4j`', accepts: 'path', meaning: "embedded Neo4j's home (its log: `.data/neo4j-launcher.log`)" }),
  NEO4J_BOLT_PORT: bounded(1, 65_535, { scope: 'server', shown: '7687, or a free port if 7687 is taken', meaning: 'embedded Bolt port (always bound to 127.0.0.1)' }),
  NEO4J_HEAP_MB: bounded(128, 131_072, { scope: 'server', default: 1024, shown: '1024', meaning: 'embedded JVM heap (MiB)' }),
  NEO4J_PAGECACHE_MB: bounded(8, 1_048_576, { scope: 'server', default: 512, shown: '512', meaning: 'embedded page cache (MiB)' }),
  NEO4J_TX_TIMEOUT_MS: bounded(100, 3_600_000, {
    scope: 'server',
    default: 10_000,
    shown: '10000',
    meaning: 'timeout of every read transaction (the client gives up 2 s later if the server does not answer at all, and at once when the liveness probe has seen it stop answering)',
  }),
  HOST: text({ scope: 'server', shown: '`127.0.0.1`', accepts: 'address or host name', meaning: 'where the HTTP server listens' }),
  PORT: bounded(0, 65_535, { scope: 'server', default: 4000, shown: '4000', meaning: 'HTTP port (`0`: any free port)' }),
  BUDGET_GRAPH_DATA: text({ scope: 'server', shown: '`data/`', accepts: 'path', meaning: 'folder loaded at start-up' }),
  BUDGET_GRAPH_LOAD_ON_START: flag(true, { scope: 'server', meaning: 'off: no loading at start-up (API replicas beside a separate `npm run load`)' }),
  BUDGET_GRAPH_TOKEN: text({ scope: 'server', shown: 'unset', accepts: 'text', meaning: 'bearer token for write operations (unset: writes disabled)' }),
  BUDGET_GRAPH_CACHE: flag(true, { scope: 'server', meaning: 'off: no answer cache (every request runs its Cypher)' }),
  BUDGET_GRAPH_CACHE_MB: bounded(1, 65_536, { scope: 'server', default: 64, shown: '64', meaning: 'answer cache size (MiB)' }),
  BUDGET_GRAPH_CLIENT_CONCURRENCY: bounded(0, 1_000_000, { scope: 'server', default: 32, shown: '32', meaning: 'per client address: requests in flight (`0`: no limit)' }),
  BUDGET_GRAPH_CLIENT_RATE: bounded(0, 1_000_000, { scope: 'server', default: 200, shown: '200', meaning: 'per client address: requests per second, bursts of twice as many (`0`: no limit)' }),
  BUDGET_GRAPH_OCR: flag(true, {
    scope: 'server',
    meaning: 'off: scanned pages of a PDF are named as not read (PAGE_NOT_READ) instead of read by OCR (Debian’s `tesseract-ocr` and `tesseract-ocr-chi-sim`, when installed; src/source/ocr/)',
  }),
  BUDGET_GRAPH_CLIENT_LIMITS: flag(true, { scope: 'server', meaning: 'off: both per-client limits off (benchmarks)' }),
  BUDGET_GRAPH_SHUTDOWN_GRACE_MS: bounded(0, 15_000, {
    scope: 'server',
    default: 2_000,
    shown: '2000',
    meaning: 'on SIGTERM, how long new requests still get a 503 (with `connection: close`) before the port closes (at most 15 s: requests in flight then get 10 s, and the process ends within 30 s)',
  }),
  BUDGET_GRAPH_HOSTS: text({
    scope: 'server',
    shown: 'unset',
    accepts: 'host names, comma-separated; `*`',
    meaning: 'host names the server answers besides `localhost` and IP literals (`*` = any). Any other `Host` header is a 421, so a web page cannot read the API through DNS rebinding',
  }),
  BUDGET_GRAPH_TRUSTED_PROXIES: text({
    scope: 'server',
    shown: 'unset',
    accepts: 'addresses, comma-separated',
    meaning:
      'addresses of reverse proxies in front of the server. A request from one of them is limited as the client its `X-Forwarded-For` names (the first address from the right that is not a trusted proxy), and the proxy itself is exempt from the per-address connection caps (the total still bounds it); from any other address the header is ignored, so a client cannot pick its own rate bucket',
  }),
  BUDGET_GRAPH_CORS_ORIGINS: {
    // The HTTP server's own rule (src/api/http/cors.ts), checked here so a bad origin stops the start
    // before Neo4j starts rather than after the load.
    ...makeValidator<string>((raw) => {
      try {
        corsPolicy(raw);
      } catch (err) {
        throw new EnvError((err instanceof Error ? err.message : String(err)).replace(/^BUDGET_GRAPH_CORS_ORIGINS: /, ''));
      }
      return raw;
    })({ default: undefined }),
    scope: 'server',
    shown: 'unset',
    accepts: 'origins (`https://host[:port]`), comma-separated; `*`',
    meaning: 'web apps on these origins may call `/graphql` and `/export` from a browser (credentials off); every other origin keeps the CSRF rule (see "Web apps on other origins")',
  } satisfies Declared<string>,
  BUDGET_GRAPH_LOG_LEVEL: {
    ...str({ default: undefined, choices: LOG_LEVELS }),
    scope: 'server',
    shown: '`info`',
    accepts: LOG_LEVELS.map((l) => `\`${l}\``).join(', '),
    meaning: 'pino log level; one JSON line per request on stderr (request id, operation, ms, of which waiting for Neo4j `dbMs`, round-trips, status)',
  } satisfies Declared<string>,
  NODE_ENV: text({
    scope: 'server',
    shown: '`production`',
    accepts: 'text',
    meaning: 'set to `production` by the server when unset: graphql-js skips its development-only checks and stack traces skip source maps',
  }),

  BUDGET_GRAPH_SKIP_LAUNCHER_BUILD: toolFlag({ scope: 'build', meaning: '`1`: `npm install` does not build the embedded-Neo4j launcher (a machine without Maven that always sets `NEO4J_URI`)' }),
  BUDGET_GRAPH_URL: {
    ...httpUrl({ default: undefined }),
    scope: 'script',
    shown: '`http://127.0.0.1:4000/graphql`',
    accepts: 'http(s) URL',
    meaning: 'the server `npm run docs:queries` asks',
  } satisfies Declared<string>,
  CHROMIUM_PATH: text({ scope: 'script', shown: '`/usr/bin/chromium`', accepts: 'path', meaning: 'the browser `scripts/print-pdf.ts` prints test PDFs with' }),
  SOFFICE_PATH: text({ scope: 'script', shown: '`soffice`', accepts: 'path', meaning: 'the LibreOffice `scripts/print-pdf-libreoffice.ts` prints test PDFs with (a second PDF producer beside Chromium)' }),
  BUDGET_GRAPH_PDF_POOL: text({ scope: 'script', shown: '`/tmp/budget-graph-pdf-pool`', accepts: 'path', meaning: 'where `bench/pdf-pages.ts` keeps the generated PDFs it printed (outside the repository), one folder per pool size' }),
  MUTATE_ALL: text({ scope: 'test', shown: 'unset', accepts: 'text', meaning: 'set: `tests/unit/mutation-checks.test.ts` mutates every coded child row, not ten a document' }),
  BUDGET_GRAPH_TEST_EMBEDDED: toolFlag({ scope: 'test', meaning: "set by the integration suite's global setup beside the `NEO4J_URI` of the Neo4j it started" }),
  BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS: toolFlag({ scope: 'test', meaning: '`1`: the parse worker acts out the fault a text asks for (its own tests; never in production)' }),
  WRITE_STATEMENTS: text({ scope: 'test', shown: 'unset', accepts: 'text', meaning: 'set: `tests/integration/query-statements.test.ts` rewrites `docs/queries/statements.json` and `docs/queries/work-budget.json`' }),
  VITEST: text({ scope: 'test', shown: 'unset', accepts: 'text', meaning: 'set by vitest: servers the tests start log at `warn` unless told otherwise' }),

  NEO4J_AUTH_PASSWORD_FILE: text({ scope: 'launcher', shown: '—', accepts: '—', meaning: "the embedded server's password file (`.data/neo4j/budget-graph.password`)" }),
  NEO4J_AUTH_PASSWORD: text({ scope: 'launcher', shown: '—', accepts: '—', meaning: 'no longer read: the launcher refuses to start when it is set (a password in the environment is visible in `/proc`)' }),
  NEO4J_TX_TIMEOUT_S: text({ scope: 'launcher', shown: '—', accepts: '—', meaning: "the embedded server's own transaction timeout (four times `NEO4J_TX_TIMEOUT_MS`)" }),
  NEO4J_EXIT_ON_STDIN_EOF: text({ scope: 'launcher', shown: '—', accepts: '—', meaning: 'the JVM stops when its stdin pipe closes (its parent died)' }),
  NEO4J_RECOVER_TORN_LOG: text({ scope: 'launcher', shown: '—', accepts: '—', meaning: 'restart after a full disk: recover a torn transaction log to its last commit' }),

  NEO4J_HOME: text({ scope: 'foreign', shown: '—', accepts: '—', meaning: "a Neo4j installation's home (its own tools read it); not read here" }),
  NEO4J_CONF: text({ scope: 'foreign', shown: '—', accepts: '—', meaning: "a Neo4j installation's configuration folder; not read here" }),
} satisfies Record<string, Declared<unknown>>;

export type EnvironmentName = keyof typeof ENVIRONMENT;

/** The prefixes that are ours: any other name under them is refused at start. */
export const OWN_PREFIXES = ['BUDGET_GRAPH_', 'NEO4J_'];

export const SCOPE_MEANING: Record<Scope, string> = {
  server: 'server',
  test: 'test runner only',
  build: 'npm install / build scripts',
  script: 'developer script',
  launcher: "the embedded JVM's own (the server sets what it needs); refused in the server's environment",
  foreign: "another tool's; not read, accepted",
};

export function declared(scope?: Scope): [EnvironmentName, Declared<unknown>][] {
  return entriesOf(ENVIRONMENT).filter(([, d]) => scope === undefined || d.scope === scope);
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The README's configuration tables, from the declaration above. */
export function configurationTables(): string {
  const server = declared('server').map(([name, d]) => `| \`${name}\` | ${cell(d.shown)} | ${cell(d.accepts)} | ${cell(d.meaning)} |`);
  const others = declared()
    .filter(([, d]) => d.scope !== 'server')
    .map(([name, d]) => `| \`${name}\` | ${SCOPE_MEANING[d.scope]} | ${cell(d.meaning)} |`);
  return [
    '| variable | default | accepts | meaning |',
    '|---|---|---|---|',
    ...server,
    '',
    `Booleans take ${BOOLEAN}; an empty value is the default. Every value is checked when the server (or \`npm run load\`, \`npm run neo4j\`) starts: a value out of its bounds or not of its type, or a name under \`${OWN_PREFIXES.join('` or `')}\` that is not one of these, stops the start (exit 78) with every problem and the known names listed. Names the tooling sets or reads, never the operator:`,
    '',
    '| variable | for | meaning |',
    '|---|---|---|',
    ...others,
  ].join('\n');
}
