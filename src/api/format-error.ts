// Maps internal errors onto GraphQL errors with a stable `extensions.code`.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { BudgetGraphError } from '../errors.js';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof BudgetGraphError) {
    return { ...formatted, message: original.message, extensions: { ...formatted.extensions, code: original.code, ...original.details } };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' && original instanceof Error && /ServiceUnavailable|connect|ECONNREFUSED/i.test(original.message)) {
    return { message: 'The graph database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  return formatted;
}
