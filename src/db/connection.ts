// One place that turns settings into a verified neo4j-driver: an external server when
// NEO4J_URI is set, otherwise the embedded launcher — which is supervised: if its JVM dies
// (kill -9, out of memory) it is started again on the same port, warmed up (src/db/warm-up.ts)
// and only then called up again. A liveness probe (src/db/liveness.ts) marks a database that
// stops answering unavailable within two seconds, for either kind.
import { statfsSync } from 'node:fs';
import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';
import type { Neo4jSettings } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import { Availability, type UnavailableReason } from './availability.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';
import { driverProbe, watchLiveness, MISS_AFTER_MS } from './liveness.js';
import { describeWarmUp, StatementSamples, warmUp, type WarmUpReport } from './warm-up.js';

export interface Database {
  driver: Driver;
  database: string | undefined;
  txTimeoutMs: number;
  /** The embedded server now running (replaced after a restart); undefined with NEO4J_URI. */
  embedded: EmbeddedNeo4j | undefined;
  /** Shared by every session, so a read issued after a write sees it (causal consistency on a cluster). */
  bookmarks: BookmarkManager;
  /** False while the embedded server is restarting or warming up, or the database does not answer its liveness probe. */
  isUp(): boolean;
  /** Why isUp() is false; null while it is true. */
  unavailableReason(): UnavailableReason | null;
  /**
   * Aborted, with the UnavailableReason, the moment the database becomes unavailable: a statement
   * in flight races it and fails at once instead of waiting out its deadline. A new one once back.
   */
  unavailableSignal(): AbortSignal;
  /**
   * Warms the database up (page cache, plans of the API's reads; bounded by WARM_UP_LIMIT_MS),
   * unavailable meanwhile (DATABASE_WARMING). main.ts runs it before the server says it is ready;
   * the supervisor runs it after every restart of the embedded JVM.
   */
  warmUp(): Promise<WarmUpReport>;
  /** Warm-ups finished since start (tests and operators). */
  warmUps(): number;
  /** The parameters each read statement was last sent with: what a warm-up replays. */
  samples: StatementSamples;
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

  const availability = new Availability();
  const samples = new StatementSamples();
  let closing = false;
  let restarts = 0;
  let warmUps = 0;
  /** Bumped at each exit of the embedded JVM: a warm-up of a JVM that has gone since does not make it up. */
  let lives = 0;

  // Its own driver: a probe queued behind the requests for a pooled connection would take a busy
  // pool for a stalled database.
  const probeUri = uri;
  const liveness = driverProbe(() => neo4j.driver(probeUri, auth, { maxConnectionPoolSize: 2, connectionTimeout: 5_000, connectionAcquisitionTimeout: 5_000, userAgent: 'budget-graph-liveness' }), settings.database);
  const watch = watchLiveness(liveness.probe, (answering) => {
    availability.setStalled(!answering);
    // While the JVM restarts or warms the probe's misses are expected and say nothing new.
    if (availability.getPhase() !== 'UP') return;
    log(answering ? 'Neo4j answers again' : `Neo4j did not answer its liveness probe within ${MISS_AFTER_MS} ms: requests get 503 DATABASE_STALLED until it does`);
  });

  /** The warm-up, unavailable meanwhile; up after it unless the JVM went (or the process is closing). */
  const warm = async (): Promise<WarmUpReport> => {
    const life = lives;
    // Asked for while the JVM restarts (main.ts, just after a crash): the restart warms the JVM it
    // starts and says when it is up; this one only must not say so.
    const restarting = availability.getPhase() === 'DATABASE_RESTARTING';
    if (!restarting) availability.setPhase('DATABASE_WARMING');
    const report = await warmUp(driver, settings.database, samples);
    warmUps++;
    if (!restarting && life === lives && !closing) availability.setPhase('UP');
    return report;
  };

  // Supervise the embedded JVM: restart it when it exits without being asked to.
  const supervise = (server: EmbeddedNeo4j): void => {
    void server.exited.then(async ({ code, signal, stopped }) => {
      if (stopped || closing) return;
      lives++;
      availability.setPhase('DATABASE_RESTARTING');
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
          // Watched from now: it may die while it warms up.
          supervise(next);
          log(`embedded Neo4j is back (restart ${restarts}, ${next.startMs} ms); warming it up before it takes requests`);
          availability.setPhase('DATABASE_WARMING');
          const report = await warm();
          log(`embedded Neo4j ${availability.getPhase() === 'UP' ? 'is ready' : 'went away again while warming up'} (restart ${restarts}): ${describeWarmUp(report)}`);
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
    isUp: () => availability.reason() === null,
    unavailableReason: () => availability.reason(),
    unavailableSignal: () => availability.signal(),
    warmUp: warm,
    warmUps: () => warmUps,
    samples,
    restarts: () => restarts,
    quiesce: () => {
      closing = true;
    },
    panicked: () => {
      if (!db.embedded || closing || availability.getPhase() !== 'UP') return;
      availability.setPhase('DATABASE_RESTARTING');
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
      watch.stop();
      await liveness.close();
      await driver.close();
      await db.embedded?.stop();
    },
  };
  if (embedded) supervise(embedded);
  return db;
}
