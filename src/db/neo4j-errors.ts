// The database boundary's error classifier: a Neo4jError's `code` (never its message text)
// decides what the API says. Anything unrecognised stays an internal error whose detail goes
// to the server log only.
import { Neo4jError } from 'neo4j-driver';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable', 'Neo.ClientError.Security.AuthenticationRateLimit']);
const TIMEOUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.Terminated',
]);

/** Maps a driver error onto a typed error; returns the input unchanged when it is not one. */
export function classifyDatabaseError(err: unknown): unknown {
  if (err instanceof BudgetGraphError || !(err instanceof Neo4jError)) return err;
  const code = err.code;
  if (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General')) {
    return new ServiceUnavailableError('The graph database is unavailable; try again in a few seconds.', { reason: 'DATABASE_UNAVAILABLE' });
  }
  // The driver's pool gives this code to "Connection acquisition timed out": the database is
  // stalled or every connection is busy. Not the client's query's fault.
  if (code === 'N/A' && /acquisition timed out/i.test(err.message)) {
    return new ServiceUnavailableError('The graph database is busy or not answering; try again in a few seconds.', { reason: 'DATABASE_BUSY' });
  }
  if (TIMEOUT.has(code)) {
    return new BudgetGraphError('QUERY_TOO_COMPLEX', 'The query ran longer than the server allows; narrow it with filters or smaller pages.', { reason: 'TIMEOUT' });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new BudgetGraphError('CONFLICT', 'Another load of the same document or department changed the graph at the same time; try again.', { reason: 'CONCURRENT_WRITE' });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new ServiceUnavailableError('The service could not authenticate to its graph database; check NEO4J_USER / NEO4J_PASSWORD.', { reason: 'DATABASE_AUTH' });
  }
  return err;
}
