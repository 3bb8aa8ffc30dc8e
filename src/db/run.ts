// Runs named Cypher statements in READ or WRITE transactions with a timeout, and counts
// round-trips so tests and benchmarks can see how many statements a request costs.
import neo4j, { Neo4jError, isRetryableError, type ManagedTransaction, type QueryResult, type Record as Neo4jRecord, type RecordShape, type Session } from 'neo4j-driver';
import type { Database } from './connection.js';
import { cypher, cypherWithBound } from './cypher.js';
import type { StatementName, StatementParams } from './statements.generated.js';
import { classifyDatabaseError } from './neo4j-errors.js';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';
import { isUnavailableReason, unavailableError } from './availability.js';
import { oneStateAcross, SharedReadings, STALE_SECONDS, UNGUARDED_STATEMENTS, type WriteCounts } from './consistency.js';
import { WIDE_READS, waitAllowed, wideReadGate } from './wide-reads.js';

export type Params = Record<string, unknown>;

/**
 * JS numbers reach Cypher as floats, which SKIP/LIMIT refuse and which make `year IN $years`
 * a float comparison. No parameter of ours is fractional, so integral numbers go as integers.
 */
export function integerParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(integerParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, integerParams(v)]));
  }
  return value;
}

/** A statement's parameters as the driver takes them, integers as Neo4j integers (integerParams). */
export function integerParamsOf(params: object | undefined): Params {
  return Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, integerParams(v)]));
}

/** A statement's parameters (optional when it reads none), then an optional timeout. */
export type ParamsArg<N extends StatementName> = keyof StatementParams<N> extends never ? [params?: StatementParams<N>, timeoutMs?: number] : [params: StatementParams<N>, timeoutMs?: number];

/** Runs one named statement inside a write transaction. */
export type RunStatement = <N extends StatementName>(name: N, ...args: ParamsArg<N>) => Promise<QueryResult>;

export class QueryRunner {
  /** Statements sent since this runner was created (one per read/write call). */
  roundTrips = 0;
  /**
   * Records the read statements returned, all of which the API decodes: with roundTrips, the
   * work a question costs counted rather than timed (tests/integration/query-statements.test.ts
   * holds each documented question to a recorded budget).
   */
  rowsRead = 0;
  /** Wall time spent waiting for read statements (ms, overlapping ones counted once each). */
  dbMs = 0;
  /**
   * Sees each read statement as sent, by name (the bench replays them with the driver alone: its
   * floor; a test snapshots which statements each documented query runs).
   */
  observe: ((name: StatementName, text: string, params: Params) => void) | null = null;
  /** Sees each read statement's records as returned (a test counts the values the API decodes). */
  observeRecords: ((name: StatementName, records: readonly Neo4jRecord[]) => void) | null = null;
  /** Set by watchWrites(): each question is read between two readings of the write counts. */
  private watching = false;
  /** The write counts read around this runner's questions (src/db/consistency.ts). */
  private readonly countsRead: WriteCounts[] = [];
  /**
   * Some question read without its own readings (a shared or a chained reading before it): the
   * request ends with a shared reading after.
   */
  private sharedReadings: SharedReadings | null = null;
  private verdict: Promise<boolean> | null = null;
  /** Guarded statements of this runner now in flight. */
  private guardedInFlight = 0;

  /**
   * @param maxStatements the most statements this runner may send (a request's database budget:
   *   the real work a query costs, whatever its field count); beyond it QUERY_TOO_COMPLEX.
   */
  constructor(
    private readonly db: Database,
    private readonly maxStatements = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * From now on, each question is read between two readings of the write counts, in its own
   * transaction (src/db/consistency.ts), so that readOneState() can tell whether a commit was
   * applied while this runner read.
   */
  watchWrites(): this {
    this.watching = true;
    return this;
  }

  /**
   * Whether every question this runner asked was answered from one state of the graph: true when
   * it asked none that needs it, or no write was committed while it read. Asked after the last
   * question; the readings came with the questions, so this waits for nothing.
   */
  readOneState(): Promise<boolean> {
    const shared = this.sharedReadings;
    if (!shared) return Promise.resolve(oneStateAcross(this.countsRead));
    this.verdict ??= shared.after().then((after) => oneStateAcross([...this.countsRead, after]));
    return this.verdict;
  }

  /** Free bytes on the embedded store's disk; null when unknown (NEO4J_URI). */
  freeBytes(): number | null {
    return this.db.freeBytes();
  }

  /** Whether the database answers a trivial read now (false while it is down or restarting). */
  async answers(): Promise<boolean> {
    if (!this.db.isUp()) return false;
    return this.read('graph-version', undefined, 2_000).then(() => true, () => false);
  }

  /** The typed error for a driver error; a database that says it needs a restart gets one. */
  private classified(err: unknown): unknown {
    const typed = classifyDatabaseError(err);
    if (typed instanceof ServiceUnavailableError && typed.details.reason === 'DATABASE_PANIC') this.db.panicked();
    return typed;
  }

  private spend(): void {
    if (++this.roundTrips > this.maxStatements) {
      throw new BudgetGraphError('QUERY_TOO_COMPLEX', `This request needs more than ${this.maxStatements} database queries; ask for fewer aliases or lists per request.`, { reason: 'DATABASE_QUERIES', maxDatabaseQueries: this.maxStatements });
    }
  }

  /**
   * One statement in its own READ transaction with the timeout. Auto-commit (RUN and PULL in one
   * round-trip, no separate COMMIT): reads are idempotent, so a transient failure is retried here.
   */
  async read<N extends StatementName, T extends RecordShape = RecordShape>(name: N, ...[params, timeoutMs]: ParamsArg<N>): Promise<QueryResult<T>> {
    return this.readText<T>(name, cypher(name), params, timeoutMs);
  }

  /** A statement with a literal variable-length bound (see cypherWithBound). */
  async readBounded<N extends StatementName, T extends RecordShape = RecordShape>(name: N, bound: 'MAX_HOPS', value: number, params: StatementParams<N>, timeoutMs?: number): Promise<QueryResult<T>> {
    return this.readText<T>(name, cypherWithBound(name, bound, value), params, timeoutMs);
  }

  private async readText<T extends RecordShape>(name: StatementName, text: string, params: object | undefined, timeoutMs: number | undefined): Promise<QueryResult<T>> {
    this.spend();
    const down = this.db.unavailableReason();
    if (down) throw unavailableError(down);
    const guarded = this.watching && !UNGUARDED_STATEMENTS.has(name);
    const parameters = integerParamsOf(params);
    this.observe?.(name, text, parameters);
    this.db.samples.note(name, text, parameters);
    // An unpaged whole-corpus read waits its turn (src/db/wide-reads.ts) before it reads at all;
    // the wait is spent from its timeout, so it never reads after its answer was due.
    const allowed = timeoutMs ?? this.db.txTimeoutMs;
    const waitStarted = performance.now();
    const release = WIDE_READS.has(name) ? await wideReadGate(this.db).acquire(waitAllowed(allowed)) : null;
    try {
      const left = release ? Math.max(1, Math.round(allowed - (performance.now() - waitStarted))) : timeoutMs;
      // The grace before the client's own deadline follows the question's budget, not what the
      // wait left of it: a short remainder is no sign of a stalled server.
      return await this.readAdmitted<T>(name, text, parameters, left, guarded, deadlineGrace(allowed));
    } finally {
      release?.();
    }
  }

  private async readAdmitted<T extends RecordShape>(name: StatementName, text: string, parameters: Params, timeoutMs: number | undefined, guarded: boolean, graceMs?: number): Promise<QueryResult<T>> {
    // A question takes the latest reading received as its reading before (consistency.ts,
    // chained readings: at c = 1 the previous request's reading after) and goes alone, in
    // auto-commit; its request ends with a reading after, shared by every request that ends
    // meanwhile. With no such reading (the first question after an idle second, or after a write
    // of ours) it shares a reading before with the requests reading now, or alone carries its own
    // two readings in its transaction. A reading each would cost the server's CPU per request.
    const othersReading = guarded && this.enterReading();
    let started = performance.now();
    try {
      const readings = guarded ? sharedReadingsOf(this.db) : null;
      const chained = readings ? readings.chained() : null;
      if (readings && (othersReading || chained)) {
        this.sharedReadings = readings;
        this.countsRead.push(chained ?? (await readings.before()));
        started = performance.now();
      }
      const ownReadings = guarded && !othersReading && !chained;
      const { result, counts } = await this.runWithRetry<T>(text, parameters, timeoutMs, ownReadings, graceMs);
      this.countsRead.push(...counts);
      // Its reading after is the latest reading now: the next question alone chains on it.
      const after = counts[counts.length - 1];
      if (readings && after) readings.noted(after);
      this.rowsRead += result.records.length;
      this.observeRecords?.(name, result.records);
      return result;
    } finally {
      this.dbMs += performance.now() - started;
      if (guarded) this.leaveReading();
    }
  }

  /** One guarded statement of this runner begins; whether other runners are reading now. */
  private enterReading(): boolean {
    const reading = readingRunners(this.db);
    const others = reading.size - (reading.has(this) ? 1 : 0);
    reading.add(this);
    this.guardedInFlight++;
    return others > 0;
  }

  /** One guarded statement of this runner is over. */
  private leaveReading(): void {
    if (--this.guardedInFlight === 0) readingRunners(this.db).delete(this);
  }

  /** The write counts as they are now, in their own transaction (a shared reading). */
  async writeCounts(): Promise<WriteCounts> {
    const { result } = await this.runWithRetry(cypher('graph-write-state'), { staleSeconds: neo4j.int(STALE_SECONDS) }, 2_000);
    return countsOf(result.records[0]);
  }

  /**
   * The statement's result, and when `guarded` the write counts read just before and just after
   * it in the same read transaction. The three are sent at once (Bolt answers them in order on one
   * connection, so the first reading is still taken before the question and the second after it):
   * one round trip, as the question alone in auto-commit. The transaction's end is not waited for.
   */
  private async runWithRetry<T extends RecordShape>(text: string, parameters: Params, timeoutMs: number | undefined, guarded = false, graceMs?: number): Promise<{ result: QueryResult<T>; counts: WriteCounts[] }> {
    for (let attempt = 1; ; attempt++) {
      // The bookmark manager makes a read after a write (ingest) see that write on a cluster.
      // Every record in one PULL (the driver asks 1,000 at a time): a reading of the counts sent
      // after the question in its transaction then runs after the question's last record is read,
      // where with more rows the tail would be read after it (consistency.ts needs it after).
      const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.db.bookmarks, fetchSize: FETCH_ALL });
      const timeout = timeoutMs ?? this.db.txTimeoutMs;
      let stalled = false;
      let ending: Promise<void> | null = null;
      try {
        const work = guarded
          ? readBetweenCounts<T>(session, text, parameters, timeout, (end) => (ending = end))
          : withoutCallerStack(() => session.run<T>(text, parameters, { timeout })).then((result) => ({ result, counts: [] }));
        return await withDeadline(work, timeout + (graceMs ?? deadlineGrace(timeout)), () => (stalled = true), this.db.unavailableSignal());
      } catch (err) {
        if (stalled || attempt >= 2 || !isRetryable(err) || !this.db.isUp()) throw this.classified(err);
        await new Promise((r) => setTimeout(r, 50 * attempt));
      } finally {
        // A stalled server may never answer the close either: do not wait for it then; nor for a
        // read transaction's end, whose answer nothing depends on.
        const closed = (ending ?? Promise.resolve()).catch(() => undefined).then(() => session.close());
        if (stalled || ending) void closed.catch(() => undefined);
        else await closed;
      }
    }
  }

  /** Runs `work` in one write transaction: everything it does commits together or not at all. */
  async writeTransaction<R>(work: (tx: ManagedTransaction, run: RunStatement) => Promise<R>, timeoutMs?: number): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeOnce(work, timeoutMs);
      } catch (err) {
        // Two loads creating the same shared node (a code, a department) at once: one commits, the
        // other trips the uniqueness constraint. Run again, its MERGE finds the node.
        if (attempt >= WRITE_ATTEMPTS || !(err instanceof BudgetGraphError && err.details.reason === 'CONCURRENT_WRITE')) throw err;
        await new Promise((r) => setTimeout(r, 25 * attempt + Math.floor(Math.random() * 50)));
      }
    }
  }

  private async writeOnce<R>(work: (tx: ManagedTransaction, run: RunStatement) => Promise<R>, timeoutMs?: number): Promise<R> {
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.db.bookmarks });
    // Each attempt's commit is counted as begun just before it is sent (src/db/consistency.ts).
    let begun = 0;
    try {
      return await session.executeWrite(
        async (tx) => {
          const result = await work(tx, (name, ...[params]) => {
            this.spend();
            return tx.run(cypher(name), { ...params });
          });
          sharedReadingsByDb.get(this.db)?.forget();
          await this.countWrite('graph-write-begin', { staleSeconds: neo4j.int(STALE_SECONDS) });
          begun++;
          return result;
        },
        { timeout: timeoutMs ?? this.db.txTimeoutMs * 10 },
      );
    } catch (err) {
      throw this.classified(err);
    } finally {
      await session.close();
      // Committed or rolled back: either way the state readers wait out is over. If this fails
      // (the database went away), the count is repaired once stale.
      if (begun > 0) await this.countWrite('graph-write-end', { n: neo4j.int(begun) }).catch(() => undefined);
    }
  }

  /** One of the write counts, in its own transaction (never inside the write it counts). */
  private async countWrite(name: 'graph-write-begin' | 'graph-write-end', params: Params): Promise<void> {
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.db.bookmarks });
    try {
      await session.executeWrite((tx) => tx.run(cypher(name), params), { timeout: 10_000 });
    } finally {
      await session.close();
    }
  }

  async write<N extends StatementName>(name: N, ...args: ParamsArg<N>): Promise<QueryResult> {
    return this.writeTransaction((_tx, run) => run(name, ...args));
  }
}

/** Per database, the runners with a guarded statement in flight in this process. */
const readingRunnersByDb = new WeakMap<Database, Set<QueryRunner>>();
function readingRunners(db: Database): Set<QueryRunner> {
  let set = readingRunnersByDb.get(db);
  if (!set) readingRunnersByDb.set(db, (set = new Set()));
  return set;
}

/** Per database, the shared readings of the write counts, taken by a runner of their own (no request's). */
const sharedReadingsByDb = new WeakMap<Database, SharedReadings>();
function sharedReadingsOf(db: Database): SharedReadings {
  let readings = sharedReadingsByDb.get(db);
  if (!readings) {
    const runner = new QueryRunner(db);
    sharedReadingsByDb.set(db, (readings = new SharedReadings(() => runner.writeCounts())));
  }
  return readings;
}

/**
 * One read transaction: the write counts, the statement, the write counts, sent together; the
 * transaction is ended (`ended`) without the caller waiting for it. Its end never rejects: it may
 * come after the caller gave up on a stalled database and closed the session.
 */
async function readBetweenCounts<T extends RecordShape>(session: Session, text: string, parameters: Params, timeout: number, ended: (end: Promise<void>) => void): Promise<{ result: QueryResult<T>; counts: WriteCounts[] }> {
  const tx = session.beginTransaction({ timeout });
  const countsText = cypher('graph-write-state');
  const countsParams = { staleSeconds: neo4j.int(STALE_SECONDS) };
  try {
    const [before, result, after] = await Promise.all(withoutCallerStack(() => [tx.run(countsText, countsParams), tx.run<T>(text, parameters), tx.run(countsText, countsParams)] as const));
    ended(tx.commit().catch(() => undefined));
    return { result, counts: [countsOf(before.records[0]), countsOf(after.records[0])] };
  } catch (err) {
    ended(tx.isOpen() ? tx.rollback().catch(() => undefined) : Promise.resolve());
    throw err;
  }
}

/**
 * Starts driver work without the stack the driver captures for it. Each Result the driver makes
 * takes `new Error().stack` at once, to graft onto a failure later: formatting that stack cost
 * ~50 µs a Result, 3 % of the server's CPU for a one-statement question (bench/api-profile.ts
 * --prof, r6). Our failures are classified (neo4j-errors.ts) and logged with the request's id and
 * field path (src/api/http/status-plugin.ts), not the statement's name; the stack it took only
 * named this file's frames up to QueryRunner.read, never the caller. The limit is the process's,
 * so it is set and restored around the synchronous call alone.
 */
export function withoutCallerStack<R>(start: () => R): R {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The counts as cypher/graph-write-state.cypher returns them (no node yet: none, stale). */
function countsOf(rec: Neo4jRecord | undefined): WriteCounts {
  return { begun: Number(rec?.get('begun') ?? 0), done: Number(rec?.get('done') ?? 0), stale: rec?.get('stale') !== false };
}

/**
 * The server enforces the transaction timeout, but a stalled server (paused JVM, dead host)
 * enforces nothing: past the timeout plus this grace the client gives up on its own.
 */
const DEADLINE_GRACE_MS = 2_000;

/** The grace for a statement allowed `timeoutMs`: a short question (health, 1 s) is not waited on for 2 s more. */
const deadlineGrace = (timeoutMs: number) => Math.min(DEADLINE_GRACE_MS, timeoutMs / 2);

/** The driver's fetch size for "every record at once" (neo4j-driver-core's FETCH_ALL). */
const FETCH_ALL = -1;

/** How often a write transaction that lost a race for a shared node is run (see writeTransaction). */
const WRITE_ATTEMPTS = 3;

/**
 * The work, or a 503 once `ms` has passed or the database became unavailable (`cut`: the liveness
 * probe missed, the JVM exited), whichever comes first: a stalled server is not waited on for the
 * deadline when the probe has already seen it stall.
 */
async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void, cut: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onCut: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new ServiceUnavailableError(`The graph database did not answer within ${Math.round(ms / 1000)} s; try again shortly.`, { reason: 'DATABASE_STALLED' }));
    }, ms);
    onCut = () => {
      onTimeout();
      // The signal is aborted with the reason the database is unavailable (availability.ts).
      reject(unavailableError(isUnavailableReason(cut.reason) ? cut.reason : 'DATABASE_STALLED'));
    };
    if (cut.aborted) onCut();
    else cut.addEventListener('abort', onCut, { once: true });
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    if (onCut) cut.removeEventListener('abort', onCut);
  }
}

/**
 * Reads run at read-committed isolation: a node a read has matched may be deleted by a load that
 * commits before the read gets to its properties (EntityNotFound). Read again, it sees the graph
 * after that commit; it is the load's doing, never the client's query's fault.
 */
const CONCURRENT_DELETE = new Set(['Neo.ClientError.Statement.EntityNotFound']);

function isRetryable(err: unknown): boolean {
  if (err instanceof Neo4jError && CONCURRENT_DELETE.has(err.code)) return true;
  return err instanceof Error && isRetryableError(err);
}
