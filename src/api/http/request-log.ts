// The one log line per API request: what the request asked, what it cost the database, how it ended.
import type { QueryRunner } from '../../db/run.js';
import type { Logger } from '../logger.js';

/** What the request log line says about one GraphQL request. */
export interface RequestRecord {
  operation: string | null;
  roundTrips: number;
  /** Of the request's time, how much was spent waiting for Neo4j (see QueryRunner.dbMs). */
  dbMs: number;
  errorCodes: string[];
  /** How many times the question was asked to read it from one state of the graph (consistent-reads.ts). */
  attempts?: number;
}

/**
 * Each request's record, found by the plugins from the request's runner: Apollo hands plugins a
 * shallow copy of the context object, so the context itself is not a key that survives; the
 * runner inside it is.
 */
export type RequestRecords = WeakMap<QueryRunner, RequestRecord>;

export function newRequestRecord(): RequestRecord {
  return { operation: null, roundTrips: 0, dbMs: 0, errorCodes: [] };
}

/** What the log line is written from once the request has ended. */
export interface RequestEnd {
  requestId: string;
  client: string;
  record: RequestRecord;
  /** process.hrtime.bigint() when the request arrived. */
  started: bigint;
  status: number;
}

export function logRequest(logger: Logger, { requestId, client, record, started, status }: RequestEnd): void {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  logger.info({ requestId, client, operation: record.operation, ms: Math.round(ms * 10) / 10, dbMs: Math.round(record.dbMs * 10) / 10, roundTrips: record.roundTrips, attempts: record.attempts && record.attempts > 1 ? record.attempts : undefined, status, errors: record.errorCodes.length ? record.errorCodes : undefined }, 'graphql');
}
