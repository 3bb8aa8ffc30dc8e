// Typed errors. Each carries a stable code that the API maps onto GraphQL error codes and an
// HTTP status, and a message that tells the user what to do next. The codes are the API's
// contract: README "Errors" lists them.

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'BAD_DOCUMENT'
  | 'INTERNAL';

/** HTTP status of a response whose (first) error has this code. */
export const HTTP_STATUS: Record<ErrorCode | 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'INTERNAL_SERVER_ERROR', number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  BAD_DOCUMENT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COMPLEX: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export class BudgetGraphError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BudgetGraphError';
  }
}

/** Input that is not a readable budget document. Names the file and line. */
export class BadDocumentError extends BudgetGraphError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly expected: string,
    /** The printed page, where the fault is in a page rather than in a line of text (a damaged PDF stream). */
    readonly page?: number,
  ) {
    super('BAD_DOCUMENT', page === undefined ? `${file}:${line}: ${expected}` : `${file}: page ${page}: ${expected}`, page === undefined ? { file, line } : { file, line, page });
    this.name = 'BadDocumentError';
  }

  /**
   * A fault of the document as a whole rather than of one of its lines or pages — the parser
   * stopped on it, or it took more time or memory than one document may — named by the file
   * (`file: what`) and a `reason` (PARSER_FAILED, PARSER_OUT_OF_MEMORY, PARSE_BUDGET).
   */
  static ofDocument(file: string, expected: string, reason: string): BadDocumentError {
    const err = new BadDocumentError(file, 1, expected);
    err.message = `${file}: ${expected}`;
    err.details.reason = reason;
    return err;
  }
}

export class ServiceUnavailableError extends BudgetGraphError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('SERVICE_UNAVAILABLE', message, details);
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * A broken promise inside the program (a pattern matched without a group it requires, a plan row
 * pointing past its list): a bug, never the document's or the client's fault. INTERNAL to the
 * client (500 with a generic message); `details.reason` and the message name it in the log.
 */
export class ProgramBugError extends BudgetGraphError {
  constructor(reason: 'PATTERN_GROUP' | 'PLAN_REFERENCE' | 'CURSOR_UNREAD', message: string) {
    super('INTERNAL', message, { reason });
    this.name = 'ProgramBugError';
  }
}
