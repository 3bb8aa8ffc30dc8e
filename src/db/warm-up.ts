// The warm-up a database gets before the server calls itself ready (at start and after every
// restart of the embedded JVM). A JVM that has just started answers RETURN 1 at once, yet the
// first real questions are slow: its page cache is empty, its code not yet compiled, and every
// statement is planned on first use, which costs seconds on two cores. Measured on two busy
// cores: the 17 documented questions one after another took 29 s right after a restart and 22 s
// just after the first load, against 0.6-1.8 s warm. Here:
//   1. the page cache: every node and relationship with its properties (cypher/warm-up-page-cache);
//   2. the plan cache: each read statement the API runs, run once. Neo4j caches a plan per
//      statement text and parameter types (a list's or a string's size counts too, by powers of
//      ten), so parameters of the right types matter: EXPLAIN with nulls, tried first, left the
//      restarted run at 18 s. In order: the parameters the API last sent it in this process
//      (StatementSamples: after a restart, what the clients were asking); else those the
//      documented questions send (docs/queries/statements.json: a first start, nobody has asked
//      yet); else, for a DataLoader batch, one key that matches nothing; else EXPLAIN with nulls,
//      which at least compiles the parser and planner. With it the 17 questions took 4.4 s after
//      the first load and 2.8-4.4 s after a restart.
// Bounded by WARM_UP_LIMIT_MS: past it the warm-up stops and says so, and the server is ready
// anyway (a slow first minute beats a server that never comes back).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { projectRoot } from '../config.js';
import { cypher, cypherWithBound } from './cypher.js';
import { integerParamsOf } from './run.js';
import { STATEMENTS, type StatementName } from './statements.generated.js';

/** The longest a warm-up may hold readiness back. */
export const WARM_UP_LIMIT_MS = 60_000;

/** Statements the API does not run on a request: the loader's, start-up DDL, the tests', the probe and this. */
export const NOT_API_READS = /^(load-|schema-|test-|liveness-|warm-up-)/;

/** The bound a statement with a literal hop count is planned with when never sent: the API's default (paths, maxHops 4). */
const DEFAULT_MAX_HOPS = 4;

/**
 * A sample larger than this (string characters plus list and map entries) is not kept: a warm-up
 * needs the parameters' types, and memory must not hold a client's largest request per statement.
 */
const SAMPLE_BUDGET = 16_384;

type Params = Record<string, unknown>;

/** The text and parameters each read statement was last sent with, for the next warm-up to replay. */
export class StatementSamples {
  private readonly last = new Map<string, { text: string; params: Params }>();

  note(name: StatementName, text: string, params: Params): void {
    if (NOT_API_READS.test(name) || weight(params, SAMPLE_BUDGET) > SAMPLE_BUDGET) return;
    this.last.set(name, { text, params });
  }

  get(name: StatementName): { text: string; params: Params } | undefined {
    return this.last.get(name);
  }
}

export interface WarmUpReport {
  ms: number;
  /** False when WARM_UP_LIMIT_MS ran out first. */
  complete: boolean;
  nodes: number | null;
  relationships: number | null;
  /** Statements run with the parameters the API last sent them or the documented questions send. */
  replayed: number;
  /** Statements neither: a batch run with one key, or planned with EXPLAIN. */
  planned: number;
  /** Statements that failed (the warm-up goes on: a failure there is the first request's to report). */
  failed: number;
  /** Read statements in all. */
  statements: number;
}

/** One line for the operator's log. */
export function describeWarmUp(r: WarmUpReport): string {
  const what = `page cache ${r.nodes ?? '?'} nodes and ${r.relationships ?? '?'} relationships, ${r.replayed} statements replayed and ${r.planned} planned of ${r.statements}${r.failed ? `, ${r.failed} failed` : ''}`;
  return r.complete ? `warm-up done in ${r.ms} ms (${what})` : `warm-up gave up after ${Math.round(r.ms / 1000)} s (the limit; ${what}): ready anyway, the first requests may be slow`;
}

export async function warmUp(driver: Driver, database: string | undefined, samples: StatementSamples, limitMs = WARM_UP_LIMIT_MS): Promise<WarmUpReport> {
  const started = Date.now();
  const left = () => limitMs - (Date.now() - started);
  const report: WarmUpReport = { ms: 0, complete: false, nodes: null, relationships: null, replayed: 0, planned: 0, failed: 0, statements: 0 };
  const names = Object.keys(STATEMENTS).filter(isStatementName).filter((n) => !NOT_API_READS.test(n));
  report.statements = names.length;
  const documented = documentedSamples();
  // What the clients asked, then what the documented questions ask: the plans the next requests need first.
  const work = names
    .map((name) => ({ name, sample: samples.get(name) ?? documented.get(name), rank: samples.get(name) ? 0 : documented.has(name) ? 1 : isBatch(name) ? 2 : 3 }))
    .sort((a, b) => a.rank - b.rank);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const cache = await within(session.run(cypher('warm-up-page-cache'), {}, { timeout: Math.max(1, left()) }), left());
    if (cache === OUT_OF_TIME) return report;
    const counts = cache.records[0];
    report.nodes = counts ? Number(counts.get('nodes')) : 0;
    report.relationships = counts ? Number(counts.get('relationships')) : 0;
    for (const { name, sample } of work) {
      if (left() <= 0) return report;
      // Never sent and not documented: a batch is run with one key that matches nothing (a list
      // of one string, as DataLoader sends for one id); anything else is planned with nulls.
      const text = sample?.text ?? (isBatch(name) ? cypher(name) : `EXPLAIN ${plannable(name)}`);
      const params = sample?.params ?? (isBatch(name) ? { keys: [''] } : Object.fromEntries(STATEMENTS[name].map((p) => [p, null])));
      try {
        if ((await within(session.run(text, params, { timeout: Math.max(1, left()) }), left())) === OUT_OF_TIME) return report;
        if (sample) report.replayed++;
        else report.planned++;
      } catch {
        report.failed++;
      }
    }
    report.complete = true;
    return report;
  } catch {
    // The page-cache read failed (the JVM went away again): what follows would fail too.
    report.failed++;
    return report;
  } finally {
    report.ms = Date.now() - started;
    // Not awaited when out of time: the session may be waiting on a statement Neo4j is still running.
    if (report.complete) await session.close();
    else void session.close().catch(() => undefined);
  }
}

const isStatementName = (name: string): name is StatementName => Object.hasOwn(STATEMENTS, name);

/** A DataLoader batch: reads nothing but $keys, a list of ids. */
function isBatch(name: StatementName): boolean {
  const params: readonly string[] = STATEMENTS[name];
  return params.length === 1 && params[0] === 'keys';
}

/**
 * The statements the documented questions run, with their parameters (docs/queries/statements.json,
 * which an integration test keeps equal to what they run): realistic parameters of the right types
 * for a first start, when no client has asked anything yet. Empty when the file is not there.
 */
function documentedSamples(): Map<string, { text: string; params: Params }> {
  const out = new Map<string, { text: string; params: Params }>();
  let snapshot: unknown;
  try {
    snapshot = JSON.parse(readFileSync(join(projectRoot, 'docs', 'queries', 'statements.json'), 'utf8'));
  } catch {
    return out;
  }
  // { question: ["statement-name {params as JSON}", …] }: anything else in the file is not a sample.
  const lines = snapshot !== null && typeof snapshot === 'object' ? Object.values(snapshot).flat() : [];
  for (const line of lines) {
    if (typeof line !== 'string') continue;
    const space = line.indexOf(' ');
    const name = line.slice(0, space);
    if (out.has(name) || !isStatementName(name)) continue;
    try {
      const params: unknown = JSON.parse(line.slice(space + 1));
      if (params === null || typeof params !== 'object') continue;
      out.set(name, { text: plannable(name), params: integerParamsOf(params) });
    } catch {
      // A statement renamed since the snapshot: it is warmed like one never sent.
    }
  }
  return out;
}

const OUT_OF_TIME = Symbol('out of time');

/** The work, or OUT_OF_TIME once `ms` has passed (the server's own timeout ends the statement). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof OUT_OF_TIME> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<typeof OUT_OF_TIME>((r) => (timer = setTimeout(() => r(OUT_OF_TIME), Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}

/** A statement's text as it can be planned; a literal hop bound (paths) takes the API's default. */
function plannable(name: StatementName): string {
  const text = cypher(name);
  return text.includes('MAX_HOPS') ? cypherWithBound(name, 'MAX_HOPS', DEFAULT_MAX_HOPS) : text;
}

/** Characters and entries in a value, counted up to `budget` (past it the count stops). */
function weight(value: unknown, budget: number): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object') return 1;
  let total = 1;
  for (const v of Array.isArray(value) ? value : neo4j.isInt(value) ? [] : Object.values(value)) {
    total += weight(v, budget - total);
    if (total > budget) return total;
  }
  return total;
}
