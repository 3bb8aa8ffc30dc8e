// Configuration that refuses mistakes (#42 item 5): booleans read as booleans, numbers within
// their bounds, and a misspelt BUDGET_GRAPH_* / NEO4J_* name stops the start instead of being
// ignored. The settings are read through the same functions the entry points call.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { neo4jSettings, projectRoot, readConfig, serverSettings } from '../../src/config.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Sets the variables for one reading (undefined: unset), as a shell would. */
function withEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
}

describe('booleans', () => {
  it('reads "false", "0", "no" and "off" as off (before: only "0" was off, "false" read as on)', () => {
    for (const off of ['false', '0', 'no', 'off']) {
      withEnv({ BUDGET_GRAPH_CACHE: off, BUDGET_GRAPH_LOAD_ON_START: off, BUDGET_GRAPH_CLIENT_LIMITS: off });
      const s = serverSettings();
      expect({ off, cache: s.cacheAnswers, load: s.loadOnStart, concurrency: s.clientConcurrency, rate: s.clientRatePerSecond }).toEqual({ off, cache: false, load: false, concurrency: 0, rate: 0 });
    }
  });

  it('reads "true", "1", "yes", "on" and unset or empty as on', () => {
    for (const on of ['true', '1', 'yes', 'on', '', undefined]) {
      withEnv({ BUDGET_GRAPH_CACHE: on, BUDGET_GRAPH_LOAD_ON_START: on });
      const s = serverSettings();
      expect({ on, cache: s.cacheAnswers, load: s.loadOnStart }).toEqual({ on, cache: true, load: true });
    }
  });

  it('refuses a value that is not a boolean, naming the variable and what it takes', () => {
    withEnv({ BUDGET_GRAPH_CACHE: 'disabled' });
    expect(() => serverSettings()).toThrow(/BUDGET_GRAPH_CACHE="disabled": not a boolean; expected 1 \/ 0, true \/ false/);
  });
});

describe('numbers', () => {
  it('keeps the defaults and reads whole numbers within bounds', () => {
    withEnv({ NEO4J_HEAP_MB: undefined, NEO4J_PAGECACHE_MB: '256', PORT: '0', NEO4J_BOLT_PORT: undefined, NEO4J_TX_TIMEOUT_MS: undefined });
    expect(neo4jSettings()).toMatchObject({ heapMb: 1024, pageCacheMb: 256, boltPort: undefined, txTimeoutMs: 10_000 });
    expect(serverSettings()).toMatchObject({ port: 0, cacheMb: 64, clientConcurrency: 32, clientRatePerSecond: 200, shutdownGraceMs: 2_000 });
  });

  it.each([
    ['NEO4J_HEAP_MB', '64', /NEO4J_HEAP_MB="64": out of bounds; expected whole number 128–131,072/],
    ['PORT', '70000', /PORT="70000": out of bounds; expected whole number 0–65,535/],
    ['NEO4J_BOLT_PORT', '0', /NEO4J_BOLT_PORT="0": out of bounds/],
    ['BUDGET_GRAPH_CACHE_MB', '0', /BUDGET_GRAPH_CACHE_MB="0": out of bounds/],
    ['BUDGET_GRAPH_SHUTDOWN_GRACE_MS', '60000', /BUDGET_GRAPH_SHUTDOWN_GRACE_MS="60000": out of bounds; expected whole number 0–15,000/],
    ['NEO4J_TX_TIMEOUT_MS', '10s', /NEO4J_TX_TIMEOUT_MS="10s": not a whole number/],
    ['BUDGET_GRAPH_CLIENT_RATE', '1e3', /BUDGET_GRAPH_CLIENT_RATE="1e3": not a whole number/],
  ])('refuses %s=%s', (name, value, message) => {
    withEnv({ [name]: value });
    expect(() => {
      neo4jSettings();
      serverSettings();
    }).toThrow(message);
  });

  it('reads the CORS origins for the HTTP server and refuses one that is not an origin, before anything starts', () => {
    withEnv({ BUDGET_GRAPH_CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' });
    expect(serverSettings().corsOrigins).toBe('https://a.example.org, http://localhost:5173');
    withEnv({ BUDGET_GRAPH_CORS_ORIGINS: 'https://a.example.org/' });
    expect(() => serverSettings()).toThrow(/BUDGET_GRAPH_CORS_ORIGINS="https:\/\/a.example.org\/": "https:\/\/a.example.org\/" is not an origin/);
  });

  it('refuses an address that is not a Neo4j one, and a log level pino lacks', () => {
    withEnv({ NEO4J_URI: 'http://localhost:7474', BUDGET_GRAPH_LOG_LEVEL: 'verbose' });
    expect(() => serverSettings()).toThrow(/NEO4J_URI="http:\/\/localhost:7474": not a Neo4j address[^]*BUDGET_GRAPH_LOG_LEVEL="verbose": not one of the choices; expected fatal, error, warn, info/);
  });
});

describe('names', () => {
  it('refuses a misspelt name, suggests the one meant, and lists the known ones', () => {
    withEnv({ BUDGET_GRAPH_CACH: '0' });
    let message = '';
    try {
      serverSettings();
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/BUDGET_GRAPH_CACH: not a setting of this service \(did you mean BUDGET_GRAPH_CACHE\?\)/);
    expect(message).toMatch(/Settings: NEO4J_URI, .*BUDGET_GRAPH_CACHE, .*BUDGET_GRAPH_LOG_LEVEL/);
    expect(message).toMatch(/Set by the tooling: .*BUDGET_GRAPH_TEST_EMBEDDED/);
  });

  it('refuses unknown NEO4J_* names too, any case, and every problem at once', () => {
    withEnv({ NEO4J_PASWORD: 'x', neo4j_uri: 'bolt://localhost:7687', NEO4J_HEAP_MB: 'lots' });
    expect(() => neo4jSettings()).toThrow(/3 problems[^]*NEO4J_PASWORD: not a setting of this service \(did you mean NEO4J_PASSWORD\?\)[^]*neo4j_uri: not a setting of this service \(did you mean NEO4J_URI\?\)[^]*NEO4J_HEAP_MB="lots"/);
  });

  it("refuses the embedded launcher's own names in the server's environment (they would change nothing)", () => {
    withEnv({ NEO4J_AUTH_PASSWORD: 'secret' });
    expect(() => neo4jSettings()).toThrow(/NEO4J_AUTH_PASSWORD: not read by the server/);
  });

  it('declares every BUDGET_GRAPH_* / NEO4J_* name the code reads (else setting it would stop the start)', async () => {
    const { ENVIRONMENT } = await import('../../src/environment.js');
    const { readdirSync, statSync } = await import('node:fs');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.(ts|mjs)$/.test(f) ? [join(dir, f)] : []));
    const read = new Set<string>();
    for (const dir of ['src', 'scripts', 'loaders', 'bench']) {
      for (const file of files(join(projectRoot, dir))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/process\.env(?:\.|\[['"])((?:BUDGET_GRAPH_|NEO4J_)[A-Z0-9_]+)/g)) read.add(m[1]!);
      }
    }
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !(name in ENVIRONMENT)).sort()).toEqual([]);
  });

  it("accepts what the test runner sets, and a Neo4j installation's own names", () => {
    withEnv({ BUDGET_GRAPH_TEST_EMBEDDED: '1', BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS: '1', NEO4J_HOME: '/opt/neo4j', NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p' });
    expect(neo4jSettings()).toMatchObject({ uri: 'neo4j+s://example.databases.neo4j.io', user: 'u', password: 'p' });
  });

  it('stops `npm start` before Neo4j is touched: exit 78 and the list', () => {
    // NEO4J_URI refuses at once, so code that ignores the misspelt name fails to connect instead.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'main.ts')], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: 'bolt://127.0.0.1:1', BUDGET_GRAPH_LOAD_ON_START: 'false', BUDGET_GRAPH_CACH: '0', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toMatch(/BUDGET_GRAPH_CACH: not a setting of this service \(did you mean BUDGET_GRAPH_CACHE\?\)/);
    expect(run.stderr).not.toMatch(/connecting to/);
    expect(run.status).toBe(78);
  });
});

describe('the deployment files', () => {
  it("docker-compose.yml's services pass the start-up check as written (${X:-default} as its default)", () => {
    const compose = parse(readFileSync(join(projectRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { environment?: Record<string, string> }> };
    for (const name of ['loader', 'budget-graph']) {
      const env = Object.fromEntries(Object.entries(compose.services[name]?.environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));
      expect(Object.keys(env).length).toBeGreaterThan(2);
      expect(() => readConfig(env)).not.toThrow();
    }
    expect(readConfig({ BUDGET_GRAPH_LOAD_ON_START: '0', BUDGET_GRAPH_TOKEN: '' }).server).toMatchObject({ loadOnStart: false, token: undefined });
  });
});
