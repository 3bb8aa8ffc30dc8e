// Errors of the HTTP layer: the refusal a part throws (HttpError), and how a request that failed
// outside GraphQL is answered: a JSON error with its code and the request id.
import type { ServerResponse } from 'node:http';
import { BudgetGraphError, HTTP_STATUS, type ErrorCode } from '../../errors.js';
import { INTERNAL_MESSAGE } from '../format-error.js';
import type { Logger } from '../logger.js';
import type { RequestRecord } from './request-log.js';

const STATUS_BY_CODE = new Map<string, number>(Object.entries(HTTP_STATUS));

/** The HTTP status of an error code a GraphQL answer carries (500 for a code it does not know). */
export function httpStatusOf(code: string | undefined): number {
  return (code === undefined ? undefined : STATUS_BY_CODE.get(code)) ?? 500;
}

/** A client mistake or refusal found in the HTTP layer: its status and documented code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, requestId: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, requestId } }] }));
}

export interface FailedRequest {
  res: ServerResponse;
  requestId: string;
  record: RequestRecord;
  logger: Logger;
}

/**
 * Answers what a request threw: an HttpError (or a client mistake found outside GraphQL, a
 * BudgetGraphError) with its status and code; anything else is logged and answered 500 without
 * the detail. Once the answer has begun there is no status to send: the socket is dropped.
 */
export function answerFailure(thrown: unknown, { res, requestId, record, logger }: FailedRequest): void {
  // A client mistake found outside GraphQL (e.g. an export query that selects no list).
  const err = thrown instanceof BudgetGraphError ? new HttpError(HTTP_STATUS[thrown.code] ?? 400, thrown.code, thrown.message) : thrown;
  const known = err instanceof HttpError;
  if (!known) logger.error({ requestId, err }, 'request failed');
  record.errorCodes.push(known ? err.code : 'INTERNAL_SERVER_ERROR');
  if (res.headersSent || res.destroyed) return void res.destroy();
  if (known && err.status === 503) res.setHeader('retry-after', '5');
  // The rest of a refused or too slow body is not read: the connection closes after this answer.
  if (known && (err.status === 413 || err.status === 408)) res.setHeader('connection', 'close');
  sendError(res, known ? err.status : 500, known ? err.code : 'INTERNAL_SERVER_ERROR', known ? err.message : INTERNAL_MESSAGE, requestId);
}
