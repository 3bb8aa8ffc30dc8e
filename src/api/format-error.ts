// Maps errors onto GraphQL errors with a stable `extensions.code` (README "Errors"). Typed
// errors say what to do; anything unexpected becomes a generic message with the request id,
// its detail going to the server log only (statusAndLogPlugin in http/status-plugin.ts).
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BudgetGraphError } from '../errors.js';

/** Codes graphql-js / Apollo give to client mistakes; their messages are safe to show. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_TOO_COMPLEX']);

export const INTERNAL_MESSAGE = 'Internal error: the server could not answer this request. Report the request id (extensions.requestId) if it persists.';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = rootCause(error);
  if (original instanceof BudgetGraphError) {
    // A bad document is bad input to the API; `reason` keeps the finer code for clients.
    const code = original.code === 'BAD_DOCUMENT' ? 'BAD_USER_INPUT' : original.code;
    const extensions: Record<string, unknown> = { ...original.details, code };
    if (original.code === 'BAD_DOCUMENT') extensions.reason = 'BAD_DOCUMENT';
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  const code = String(formatted.extensions?.code ?? '');
  // The max-token parse error is a limit, not a syntax mistake.
  if (code === 'GRAPHQL_PARSE_FAILED' && /more th[ae][nt] \d+ tokens/.test(formatted.message)) {
    return { message: `${formatted.message.replace(/^Syntax Error: /, '')} Send a shorter query.`, extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens' } };
  }
  // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; our limit rules say which limit.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.extensions?.limit !== undefined) {
    const { stacktrace: _drop, http: _http, ...extensions } = formatted.extensions;
    return { ...formatted, extensions: { ...extensions, code: 'QUERY_TOO_COMPLEX' } };
  }
  // graphql-js and Apollo raise a few request mistakes as bare GraphQLErrors, which Apollo files
  // under INTERNAL_SERVER_ERROR (a subscription to a schema without them, a persisted-query hash
  // that does not match its query). Known by their message: other bare errors of graphql-js
  // ("Cannot return null for non-nullable field") are this server's bugs and stay internal.
  const mistake = (code === '' || code === 'INTERNAL_SERVER_ERROR') && isBareGraphQLError(error) ? requestMistakeMessage(formatted.message) : null;
  if (mistake) return { message: mistake, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
  if (CLIENT_CODES.has(code)) {
    const { stacktrace: _drop, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** The error that started it all: resolver and plugin errors arrive wrapped in GraphQLErrors. */
export function rootCause(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 5 && e instanceof Error && 'originalError' in e && e.originalError; i++) e = e.originalError;
  return e;
}

/** What to tell the client for a request mistake graphql-js or Apollo reports bare; null when it is not one. */
function requestMistakeMessage(message: string): string | null {
  if (/sha does not match/.test(message)) return 'The persisted query\'s sha256Hash is not the SHA-256 of the query sent with it; send the hash of exactly this query text (hex, lower case).';
  if (/Unsupported persisted query version/i.test(message)) return 'This server speaks automatic persisted queries version 1: send extensions.persistedQuery.version 1 with the SHA-256 of the query (Apollo Client\'s createPersistedQueryLink does).';
  if (/not configured to execute subscription/.test(message)) return 'This API has no subscriptions; ask with a query (reads) or a mutation (writes, with the token).';
  return null;
}

/** A GraphQLError of graphql-js's own making (by name: Apollo and type-graphql may load two copies of graphql). */
function isBareGraphQLError(error: unknown): boolean {
  if (!(error instanceof Error) || (error.name !== 'GraphQLError' && !(error instanceof GraphQLError))) return false;
  return !('originalError' in error && error.originalError);
}
