// The embedded Neo4j's JVM inherits no secret of the service (issue 35): started with the API
// token, an external server's password and a cloud key in this process's environment, its
// /proc/<pid>/environ holds none of them, only what the JVM needs and the launcher's settings.
// Before, the JVM inherited the whole environment: BUDGET_GRAPH_TOKEN was there.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { neo4jSettings } from '../../src/config.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j.js';

const root = mkdtempSync(join(tmpdir(), 'budget-graph-jvm-env-'));
const SECRETS = { BUDGET_GRAPH_TOKEN: 'jvm-env-test-token-5b1f', NEO4J_PASSWORD: 'jvm-env-test-password-77c2', AWS_SECRET_ACCESS_KEY: 'jvm-env-test-cloud-key-19ae' };
const saved = Object.fromEntries(Object.keys(SECRETS).map((k) => [k, process.env[k]]));
let neo4j: EmbeddedNeo4j | undefined;
afterAll(async () => {
  await neo4j?.stop();
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  rmSync(root, { recursive: true, force: true });
});

describe("the embedded Neo4j's JVM", () => {
  it('is started without the service’s secrets in its environment', async () => {
    Object.assign(process.env, SECRETS);
    neo4j = await startEmbeddedNeo4j({ ...neo4jSettings(), uri: undefined, dataDir: join(root, 'neo4j'), boltPort: undefined, heapMb: 384, pageCacheMb: 32 });
    // The launcher is exec'd by the shell that sets its umask: the child's pid is the JVM's.
    expect(readFileSync(`/proc/${neo4j.pid}/cmdline`, 'utf8')).toMatch(/^java\0/);
    const environ = readFileSync(`/proc/${neo4j.pid}/environ`, 'utf8');
    const names = environ.split('\0').filter(Boolean).map((e) => e.slice(0, e.indexOf('=')));
    for (const value of Object.values(SECRETS)) expect(environ).not.toContain(value);
    expect(names).not.toContain('BUDGET_GRAPH_TOKEN');
    // What it has: the search path, its home, and the launcher's own settings (PWD the shell sets).
    const allowed = /^(PATH|HOME|USER|LOGNAME|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z_]+|JAVA_HOME|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|PWD|NEO4J_(BOLT_PORT|DATA_DIR|PAGECACHE_MB|TX_TIMEOUT_S|EXIT_ON_STDIN_EOF|RECOVER_TORN_LOG|AUTH_PASSWORD))$/;
    expect(names.filter((n) => !allowed.test(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['PATH', 'NEO4J_BOLT_PORT', 'NEO4J_DATA_DIR', 'NEO4J_AUTH_PASSWORD']));
  }, 180_000);
});
