// Maps internal errors onto GraphQL errors with a stable `extensions.code`.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { BudgetGraphError } from '../errors.js';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof BudgetGraphError) {
    // A bad document is bad input to the API; `reason` keeps the finer code for clients.
    const code = original.code === 'BAD_DOCUMENT' ? 'BAD_USER_INPUT' : original.code;
    const extensions: Record<string, unknown> = { ...formatted.extensions, ...original.details, code };
    if (original.code === 'BAD_DOCUMENT') extensions.reason = 'BAD_DOCUMENT';
    delete extensions.stacktrace;
    return { ...formatted, message: original.message, extensions };
  }
  // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; the depth rule's own code says more.
  if (formatted.extensions?.maxDepth !== undefined) return { ...formatted, extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX' } };
  if (original instanceof Error && /TransactionTimedOut|transaction has been terminated|timed out/i.test(original.message)) {
    return { message: 'The query ran longer than the server allows; narrow it with filters or smaller pages.', path: formatted.path, extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'TIMEOUT' } };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' && original instanceof Error && /ServiceUnavailable|connect|ECONNREFUSED/i.test(original.message)) {
    return { message: 'The graph database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  return formatted;
}
