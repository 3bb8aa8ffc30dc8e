// Typed errors. Each carries a stable code that the API maps onto GraphQL error codes and
// a message that tells the user what to do next.

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'QUERY_TOO_COMPLEX'
  | 'SERVICE_UNAVAILABLE'
  | 'BAD_DOCUMENT'
  | 'INTERNAL';

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
  ) {
    super('BAD_DOCUMENT', `${file}:${line}: ${expected}`, { file, line });
    this.name = 'BadDocumentError';
  }
}

export class ServiceUnavailableError extends BudgetGraphError {
  constructor(message: string) {
    super('SERVICE_UNAVAILABLE', message);
    this.name = 'ServiceUnavailableError';
  }
}
