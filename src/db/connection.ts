// One place that turns settings into a verified neo4j-driver: an external server when
// NEO4J_URI is set, otherwise the embedded launcher — which is supervised: if its JVM dies
// (kill -9, out of memory) it is started again on the same port and the driver reconnects.
import { statfsSync } from 'node:fs';
import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';
import type { Neo4jSettings } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';

export interface Database {
  driver: Driver;
  database: string | undefined;
  txTimeoutMs: number;
  /** The embedded server now running (replaced after a restart); undefined with NEO4J_URI. */
  embedded: EmbeddedNeo4j | undefined;
  /** Shared by every session, so a read issued after a write sees it (causal consistency on a cluster). */
  bookmarks: BookmarkManager;
  /** False while the embedded server is known to be down or restarting. */
  isUp(): boolean;
  /** Embedded restarts since start (health reports it). */
  restarts(): number;
  /**
   * The process is shutting down: an exit of the embedded JVM from now on is not restarted (a
   * terminal's Ctrl-C, or a signal to the process group, reaches the JVM before close() does).
   */
  quiesce(): void;
  /** Neo4j said it needs a restart (a write failed on a full disk): the embedded one gets it. */
  panicked(): void;
  /**
   * Free bytes where the embedded store lives (null with NEO4J_URI: another machine's disk), so
   * a load that would fill it is refused before Neo4j fails on it.
   */
  freeBytes(): number | null;
  close(): Promise<void>;
}

export async function verifyWithRetries(driver: Driver, uri: string, attempts = 30, delayMs = 500, hint = ''): Promise<void> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      await driver.getServerInfo();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new ServiceUnavailableError(`Neo4j at ${uri} did not answer after ${attempts} tries (${reason}).${hint}`);
}

export interface ConnectOptions {
  /** Called with a line for the operator's log (restarts of the embedded server). */
  log?: (message: string) => void;
}

export async function connect(settings: Neo4jSettings, options: ConnectOptions = {}): Promise<Database> {
  const log = options.log ?? ((m: string) => console.error(`budget-graph: ${m}`));
  let embedded: EmbeddedNeo4j | undefined;
  let uri = settings.uri;
  let auth = neo4j.auth.basic(settings.user, settings.password);
  if (!uri) {
    embedded = await startEmbeddedNeo4j(settings);
    uri = embedded.uri;
    auth = neo4j.auth.basic(embedded.user, embedded.password);
  }
  const driver = neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 100,
    // A stalled or dead database must fail a request promptly, not hold it for minutes.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    userAgent: 'budget-graph',
  });
  try {
    await verifyWithRetries(driver, uri, 30, 500, embedded ? ` See ${embedded.logFile}.` : ' Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.');
  } catch (err) {
    await driver.close();
    await embedded?.stop();
    throw err;
  }

  let up = true;
  let closing = false;
  let restarts = 0;
  // Supervise the embedded JVM: restart it when it exits without being asked to.
  const supervise = (server: EmbeddedNeo4j): void => {
    void server.exited.then(async ({ code, signal, stopped }) => {
      if (stopped || closing) return;
      up = false;
      log(`embedded Neo4j exited (code ${code}, signal ${signal}); restarting it on port ${server.port}`);
      for (let attempt = 1; !closing; attempt++) {
        let next: EmbeddedNeo4j | undefined;
        try {
          next = await startEmbeddedNeo4j({ ...settings, boltPort: server.port });
          if (closing) {
            await next.stop();
            return;
          }
          await verifyWithRetries(driver, next.uri, 20, 250);
          db.embedded = next;
          restarts++;
          up = true;
          log(`embedded Neo4j is back (restart ${restarts}, ${next.startMs} ms)`);
          supervise(next);
          return;
        } catch (err) {
          log(`restart attempt ${attempt} failed: ${err instanceof Error ? err.message : String(err)}`);
          // A JVM this attempt started but could not use would hold the store lock against
          // every later attempt: it goes before the next one.
          await next?.stop();
          await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** attempt)));
        }
      }
    });
  };

  const db: Database = {
    driver,
    database: settings.database,
    txTimeoutMs: settings.txTimeoutMs,
    embedded,
    bookmarks: neo4j.bookmarkManager(),
    isUp: () => up,
    restarts: () => restarts,
    quiesce: () => {
      closing = true;
    },
    panicked: () => {
      if (!db.embedded || closing || !up) return;
      up = false;
      log('embedded Neo4j reported a critical error (its disk full?) and needs a restart: restarting it');
      db.embedded.restart();
    },
    freeBytes: () => {
      if (!db.embedded) return null;
      try {
        const fs = statfsSync(db.embedded.dataDir);
        return fs.bavail * fs.bsize;
      } catch {
        return null;
      }
    },
    async close() {
      closing = true;
      await driver.close();
      await db.embedded?.stop();
    },
  };
  if (embedded) supervise(embedded);
  return db;
}
