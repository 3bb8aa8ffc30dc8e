// Starts the embedded Neo4j launcher (neo4j/launcher, a small Java program) as a child
// process and stops it with us. Used whenever NEO4J_URI is not set.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot, type Neo4jSettings } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import { ensurePrivateDir } from './private-dir.js';

export interface EmbeddedNeo4j {
  uri: string;
  /** Bolt needs authentication: user neo4j with this password (kept in passwordFile, mode 0600). */
  user: string;
  password: string;
  passwordFile: string;
  /** The JVM's process id (benchmarks read its peak memory). */
  pid: number | undefined;
  port: number;
  dataDir: string;
  logFile: string;
  startMs: number;
  /** Resolves when the JVM exits, whoever ended it; `stopped` tells whether stop() asked it to. */
  exited: Promise<{ code: number | null; signal: string | null; stopped: boolean }>;
  stop(): Promise<void>;
  /** Ends the JVM as a failure (the supervisor restarts it): Neo4j said it needs a restart. */
  restart(): void;
}

/**
 * The embedded server's password: generated at first start into its data directory (0600) and
 * reused after, so `npm run neo4j` users and the service share it and no other local process can
 * reach the graph without reading that file.
 */
export function embeddedPassword(dataDir: string): { password: string; file: string } {
  const file = join(dataDir, 'budget-graph.password');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { password: readFileSync(file, 'utf8').trim(), file };
}

/** Resolves to `preferred` when it is free on loopback, else to any free port. */
export async function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', (err: NodeJS.ErrnoException) => {
      if (preferred !== 0 && err.code === 'EADDRINUSE') resolve(freePort(0));
      else reject(err);
    });
    srv.listen(preferred, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

// Last line of defence against orphan JVMs: the launcher also exits when its stdin closes,
// which covers a parent killed with SIGKILL.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

/**
 * Stops every launcher this process started, finished starting or not: a shutdown that comes
 * while Neo4j is still starting must not leave its JVM behind holding the store lock.
 */
export async function stopAllEmbedded(waitMs = 20_000): Promise<void> {
  const children = [...running];
  for (const child of children) child.kill('SIGTERM');
  await Promise.race([
    Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined))),
    new Promise((r) => setTimeout(r, waitMs).unref()),
  ]);
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * What the JVM inherits of this process's environment: an allow-list, so that a secret of the
 * service (BUDGET_GRAPH_TOKEN, NEO4J_PASSWORD for an external server, a cloud key of the shell)
 * never reaches the JVM, whose environment the JVM's own tooling, crash reports and anyone who
 * can read /proc/<pid>/environ see. The shell and `java` need the search path and the locale;
 * HOME, USER, TMPDIR and TZ are what a JVM reads of its surroundings; JAVA_HOME and the options
 * the JVM reads by design (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS) are addressed to it by whoever set
 * them. The launcher's own variables (neo4j/launcher: NEO4J_BOLT_PORT …) are set by startOnce,
 * never inherited.
 */
const JVM_INHERITS = /^(PATH|HOME|USER|LOGNAME|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z_]+|JAVA_HOME|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS)$/;

/** The JVM's environment: the allowed part of `parent`, then the launcher's own settings. */
export function jvmEnvironment(parent: NodeJS.ProcessEnv, own: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) if (value !== undefined && JVM_INHERITS.test(name)) env[name] = value;
  return { ...env, ...own };
}

/**
 * How the embedded JVM compiles Neo4j's code. 'peak' (the server's) lets the C2 compiler build
 * the fastest code over minutes; 'quick' stops at C1 (-XX:TieredStopAtLevel=1), for a process that
 * loads documents and exits (npm run load): over a fresh load of 1,000 documents C2 spent ~29 ms of
 * CPU a document compiling and its code saved the Bolt workers ~3 (17.9 ms a document with it, 21.1
 * without; bench/RESULTS.md, 2026-12-07 fourth round, ingest).
 */
export type JitMode = 'peak' | 'quick';
export const embeddedJvm: { jit: JitMode } = { jit: 'peak' };

/**
 * From how many documents a load that starts its own JVM compiles for peak speed after all. C2's
 * compiling is a fixed cost its faster code pays back over a long load: at N = 1,000, 29.4-32.9 ms
 * of Node + JVM CPU a document at C1 against 39.7-49.3 with C2; at N = 10,000, 27.1 against 23.3
 * (bench/RESULTS.md, 2026-12-07 fifth round, ingest). A line through each mode's two points crosses
 * between 3,300 and 4,100 documents; 5,000 keeps C1 where the figures do not clearly favour C2.
 */
export const PEAK_JIT_FROM_DOCUMENTS = 5_000;

/** The JIT mode for a process that loads `documents` documents and exits (npm run load). */
export const jitForLoad = (documents: number): JitMode => (documents >= PEAK_JIT_FROM_DOCUMENTS ? 'peak' : 'quick');

/** The JVM's arguments before `-jar`: heap, collector, and the JIT mode. */
export function jvmArguments(heapMb: number, jit: JitMode): string[] {
  return [`-Xms${Math.min(256, heapMb)}m`, `-Xmx${heapMb}m`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', ...(jit === 'quick' ? ['-XX:TieredStopAtLevel=1'] : [])];
}

/** Built by scripts/build-launcher.mjs (npm install, and before npm start / test / load). */
export const LAUNCHER_JAR = join(projectRoot, 'neo4j', 'launcher', 'target', 'neo4j-launcher.jar');

/** The launcher's exit code when it refuses its configuration (a password file others can read…). */
const LAUNCHER_REFUSED = 78;

/** The reason of the launcher's last "refusing to start" line, if it printed one. */
function refusalOf(stderr: string): string | undefined {
  return [...stderr.matchAll(/^neo4j-launcher: refusing to start: (.*)$/gm)].pop()?.[1];
}

/** Set when the launcher exited because another process holds the store lock. */
class StoreLockedError extends ServiceUnavailableError {}

/** Set when recovery refused a transaction log that ends in a torn write (a disk that filled up). */
class TornLogError extends ServiceUnavailableError {}

/**
 * Starts the launcher. A store lock still held by a JVM that is shutting down (a server killed a
 * moment ago, a failed attempt's JVM) is waited out, up to `lockWaitMs`, instead of failing.
 */
export async function startEmbeddedNeo4j(settings: Neo4jSettings, readyTimeoutMs = 120_000, lockWaitMs = 45_000): Promise<EmbeddedNeo4j> {
  const deadline = Date.now() + lockWaitMs;
  let recoverTornLog = false;
  for (;;) {
    try {
      return await startOnce(settings, readyTimeoutMs, recoverTornLog);
    } catch (err) {
      if (err instanceof TornLogError && !recoverTornLog) {
        // Only the failed write is in the torn tail (its client was told it failed): recovery
        // that drops it keeps every committed document.
        console.error(`budget-graph: Neo4j's transaction log ends in a write torn by a full disk; starting again with recovery of its committed part (${settings.dataDir})`);
        recoverTornLog = true;
        continue;
      }
      if (!(err instanceof StoreLockedError) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
}

async function startOnce(settings: Neo4jSettings, readyTimeoutMs: number, recoverTornLog: boolean): Promise<EmbeddedNeo4j> {
  const jar = LAUNCHER_JAR;
  if (!existsSync(jar)) {
    throw new Error(`the embedded Neo4j launcher is not built (${jar}): run \`npm install\` or \`node scripts/build-launcher.mjs\` (Java 17 and Maven), or set NEO4J_URI to use a Neo4j of your own`);
  }
  const port = settings.boltPort ?? (await freePort(7687));
  ensurePrivateDir(settings.dataDir);
  const { password, file: passwordFile } = embeddedPassword(settings.dataDir);
  const logFile = join(dirname(settings.dataDir), `${basenameOf(settings.dataDir)}-launcher.log`);
  const log = createWriteStream(logFile, { flags: 'a', mode: 0o600 });
  if (existsSync(logFile)) chmodSync(logFile, 0o600);
  const started = Date.now();

  // Through sh for its umask: every file the JVM writes (store, transaction logs) is 0600.
  const child = spawn(
    '/bin/sh',
    ['-c', 'umask 077 && exec java "$@"', 'java', ...jvmArguments(settings.heapMb, embeddedJvm.jit), '-jar', jar],
    {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: jvmEnvironment(process.env, {
        NEO4J_BOLT_PORT: String(port),
        NEO4J_DATA_DIR: settings.dataDir,
        NEO4J_PAGECACHE_MB: String(settings.pageCacheMb),
        NEO4J_TX_TIMEOUT_S: String(Math.ceil((settings.txTimeoutMs * 4) / 1000)),
        NEO4J_EXIT_ON_STDIN_EOF: '1',
        NEO4J_RECOVER_TORN_LOG: recoverTornLog ? '1' : '0',
        // The launcher reads the password from this file (0600, refused otherwise) and sets it
        // as user neo4j's password: only the path is in the JVM's environment and argv, never the
        // password (anyone who can read /proc/<pid>/environ, a core dump or a crash report sees those).
        NEO4J_AUTH_PASSWORD_FILE: resolve(passwordFile),
      }),
    },
  );
  running.add(child);
  installExitHook();
  // A full disk must not end the service through its own log: the log stops, the JVM's output
  // keeps being read (a pipe left unread would block the JVM), and the operator is told once.
  log.on('error', (err: NodeJS.ErrnoException) => {
    child.stderr?.unpipe(log);
    child.stderr?.resume();
    console.error(`budget-graph: the Neo4j launcher log ${logFile} cannot be written (${err.code ?? err.message}); it stops, Neo4j goes on`);
  });
  child.stderr?.pipe(log);
  // The last of what the JVM said, to tell a held store lock from other failures.
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString('utf8')).slice(-8_192)));

  let stopRequested = false;
  const exited = new Promise<{ code: number | null; signal: string | null; stopped: boolean }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stopped: stopRequested });
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ServiceUnavailableError(`Neo4j did not report ready within ${readyTimeoutMs / 1000} s; see ${logFile}`)), readyTimeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (log.writable) log.write(`${line}\n`);
      if (line.startsWith('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new ServiceUnavailableError(`Could not start java for the embedded Neo4j (${err.message}). Install Java 17, or set NEO4J_URI.`));
    });
    void exited.then(async ({ code }) => {
      clearTimeout(timer);
      // 'exit' can come before the last of stderr has been read.
      if (child.stderr && !child.stderr.readableEnded) await Promise.race([new Promise((r) => child.stderr.once('end', r)), new Promise((r) => setTimeout(r, 500))]);
      // The reason a database failed to start (launcher exit 4) is in Neo4j's own debug log.
      if (code === 4 && /recovery not possible|Error reading transaction logs/i.test(tailOf(join(settings.dataDir, 'logs', 'debug.log')))) reject(new TornLogError(`The embedded Neo4j could not recover its transaction log (${settings.dataDir}); see ${logFile}`, { reason: 'TORN_LOG' }));
      else if (code === LAUNCHER_REFUSED) reject(new ServiceUnavailableError(`The embedded Neo4j launcher refused to start: ${refusalOf(stderrTail) ?? `see ${logFile}`}`));
      else if (/store_lock|FileLockException/.test(stderrTail)) reject(new StoreLockedError(`The embedded Neo4j's store is locked by another process (${settings.dataDir}); is another Budget Graph or npm run neo4j using it?`, { reason: 'STORE_LOCKED' }));
      else reject(new ServiceUnavailableError(`The embedded Neo4j exited with code ${code} before it was ready; see ${logFile}`));
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopRequested = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(killTimer);
      }
      running.delete(child);
      log.end();
    })();
    return stopping;
  };

  try {
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  const restart = () => {
    if (!stopRequested && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 20_000).unref();
    }
  };
  return { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, passwordFile, pid: child.pid, port, dataDir: settings.dataDir, logFile, startMs: Date.now() - started, exited, stop, restart };
}

/** The last 64 KiB of a file ('' when it cannot be read). */
function tailOf(path: string): string {
  try {
    const text = readFileSync(path);
    return text.subarray(Math.max(0, text.length - 65_536)).toString('utf8');
  } catch {
    return '';
  }
}

function basenameOf(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? 'neo4j';
}
