// The embedded Neo4j's JVM inherits no secret of the service (issue 35): started with the API
// token, an external server's password and a cloud key in this process's environment, its
// /proc/<pid>/environ holds none of them, only what the JVM needs and the launcher's settings.
// Before, the JVM inherited the whole environment: BUDGET_GRAPH_TOKEN was there.
// Nor does it hold the embedded server's own password: the launcher is given the path of the
// 0600 password file (NEO4J_AUTH_PASSWORD_FILE) and reads it, and refuses a file that its group
// or others can read, a missing file and a directory. Before, the password itself was in the
// JVM's environment as NEO4J_AUTH_PASSWORD.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4jDriver from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { neo4jSettings } from '../../src/config.js';
import { freePort, jvmEnvironment, LAUNCHER_JAR, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j.js';

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
  it('is started without the service’s secrets, nor its own password, in its environment', async () => {
    Object.assign(process.env, SECRETS);
    neo4j = await startEmbeddedNeo4j({ ...neo4jSettings(), uri: undefined, dataDir: join(root, 'neo4j'), boltPort: undefined, heapMb: 384, pageCacheMb: 32 });
    // The launcher is exec'd by the shell that sets its umask: the child's pid is the JVM's.
    const cmdline = readFileSync(`/proc/${neo4j.pid}/cmdline`, 'utf8');
    expect(cmdline).toMatch(/^java\0/);
    const environ = readFileSync(`/proc/${neo4j.pid}/environ`, 'utf8');
    const entries = environ.split('\0').filter(Boolean);
    const names = entries.map((e) => e.slice(0, e.indexOf('=')));
    for (const value of Object.values(SECRETS)) expect(environ).not.toContain(value);
    expect(names).not.toContain('BUDGET_GRAPH_TOKEN');
    // The embedded server's password is in neither its environment nor its arguments.
    expect(neo4j.password.length).toBeGreaterThanOrEqual(32);
    expect(environ).not.toContain(neo4j.password);
    expect(cmdline).not.toContain(neo4j.password);
    expect(names).not.toContain('NEO4J_AUTH_PASSWORD');
    expect(entries).toContain(`NEO4J_AUTH_PASSWORD_FILE=${neo4j.passwordFile}`);
    // What it has: the search path, its home, and the launcher's own settings (PWD the shell sets).
    const allowed = /^(PATH|HOME|USER|LOGNAME|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z_]+|JAVA_HOME|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|PWD|NEO4J_(BOLT_PORT|DATA_DIR|PAGECACHE_MB|TX_TIMEOUT_S|EXIT_ON_STDIN_EOF|RECOVER_TORN_LOG|AUTH_PASSWORD_FILE))$/;
    expect(names.filter((n) => !allowed.test(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['PATH', 'NEO4J_BOLT_PORT', 'NEO4J_DATA_DIR', 'NEO4J_AUTH_PASSWORD_FILE']));

    // The password it read from the file is the one Bolt asks for, and no other is let in.
    const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic('neo4j', neo4j.password));
    try {
      await driver.verifyConnectivity();
    } finally {
      await driver.close();
    }
    const wrong = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic('neo4j', `${neo4j.password}x`));
    try {
      await expect(wrong.verifyConnectivity()).rejects.toThrow(/auth|credentials|unauthorized/i);
    } finally {
      await wrong.close();
    }
  }, 180_000);
});

/**
 * Runs the launcher jar alone with `own` settings; resolves when it exits (its code and stderr)
 * or when it reports ready (then `ready` is true and the JVM is stopped).
 */
async function runLauncher(own: Record<string, string>, timeoutMs = 90_000): Promise<{ code: number | null; ready: boolean; stderr: string }> {
  const dataDir = mkdtempSync(join(root, 'launcher-'));
  const child = spawn('java', ['-Xmx256m', '-jar', LAUNCHER_JAR], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: jvmEnvironment(process.env, { NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_PAGECACHE_MB: '16', NEO4J_EXIT_ON_STDIN_EOF: '1', ...own }),
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const ready = new Promise<true>((r) => createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('NEO4J_READY') && r(true)));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  try {
    const first = await Promise.race([exited, ready, timedOut]);
    if (first === true || first === 'timeout') return { code: null, ready: first === true, stderr };
    await new Promise((r) => (child.stderr.readableEnded ? r(undefined) : child.stderr.once('end', r)));
    return { code: first, ready: false, stderr };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    }
  }
}

describe('the Neo4j launcher', () => {
  const secretsDir = join(root, 'secrets');
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });

  it.each([
    ['readable by others (0644)', 0o644, /is accessible to its group or others \(mode 0644\)/],
    ['readable by its group (0640)', 0o640, /is accessible to its group or others \(mode 0640\)/],
  ])('refuses a password file %s, naming the file', async (_, mode, reason) => {
    const file = join(secretsDir, `open-${mode.toString(8)}.password`);
    writeFileSync(file, 'launcher-test-password-0c3e\n');
    chmodSync(file, mode);
    const run = await runLauncher({ NEO4J_AUTH_PASSWORD_FILE: file });
    expect(run.ready).toBe(false);
    expect(run.code).toBe(78);
    expect(run.stderr).toContain(`neo4j-launcher: refusing to start: the password file ${file}`);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toContain('launcher-test-password-0c3e');
  }, 120_000);

  it('refuses a missing password file and one that is not a regular file', async () => {
    const missing = join(secretsDir, 'missing.password');
    const run = await runLauncher({ NEO4J_AUTH_PASSWORD_FILE: missing });
    expect({ ready: run.ready, code: run.code }).toEqual({ ready: false, code: 78 });
    expect(run.stderr).toContain(`the password file ${missing} (NEO4J_AUTH_PASSWORD_FILE) does not exist`);

    const directory = join(secretsDir, 'a-directory');
    mkdirSync(directory, { mode: 0o700 });
    const dirRun = await runLauncher({ NEO4J_AUTH_PASSWORD_FILE: directory });
    expect({ ready: dirRun.ready, code: dirRun.code }).toEqual({ ready: false, code: 78 });
    expect(dirRun.stderr).toContain(`the password file ${directory} (NEO4J_AUTH_PASSWORD_FILE) is not a regular file`);
  }, 120_000);

  it('refuses a password passed in its environment instead of silently starting without authentication', async () => {
    const run = await runLauncher({ NEO4J_AUTH_PASSWORD: 'launcher-test-password-9a41' });
    expect({ ready: run.ready, code: run.code }).toEqual({ ready: false, code: 78 });
    expect(run.stderr).toMatch(/NEO4J_AUTH_PASSWORD is no longer read.*NEO4J_AUTH_PASSWORD_FILE/);
  }, 120_000);
});
