// The database boundary's error classifier: a Neo4jError's `code` (never its message text)
// decides what the API says. Anything unrecognised stays an internal error whose detail goes
// to the server log only.
import { Neo4jError } from 'neo4j-driver';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable', 'Neo.ClientError.Security.AuthenticationRateLimit']);
/** Codes Neo4j answers with after a critical error ("needs to be restarted"). */
const PANIC = new Set(['Neo.DatabaseError.Transaction.TransactionStartFailed', 'Neo.DatabaseError.Transaction.TransactionCommitFailed', 'Neo.TransientError.General.DatabaseUnavailable.Panic']);
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
  // The store could not take the write (a full or failing disk): Neo4j then refuses every
  // transaction until it is restarted. Nothing of the write was kept.
  // "Needs to be restarted" is told by the message only: the same codes also mean a database
  // that is merely stopping, which a restart would not help.
  if (code === 'Neo.DatabaseError.Transaction.TransactionLogError' || (PANIC.has(code) && /needs to be restarted/i.test(err.message))) {
    return new ServiceUnavailableError('The graph database could not write to its disk (is it full?) and is being restarted; nothing of this write was kept. Free space in its data directory, then try again.', { reason: 'DATABASE_PANIC' });
  }
  if (PANIC.has(code)) return new ServiceUnavailableError('The graph database is unavailable; try again in a few seconds.', { reason: 'DATABASE_UNAVAILABLE' });
  if (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General')) {
    return new ServiceUnavailableError('The graph database is unavailable; try again in a few seconds.', { reason: 'DATABASE_UNAVAILABLE' });
  }
  // The driver's pool gives this code to "Connection acquisition timed out": the database is
  // stalled or every connection is busy. Not the client's query's fault.
  if (code === 'N/A' && /acquisition timed out/i.test(err.message)) {
    return new ServiceUnavailableError('The graph database is busy or not answering; try again in a few seconds.', { reason: 'DATABASE_BUSY' });
  }
  if (TIMEOUT.has(code)) {
    // The cost limit admitted the query before it ran: a query that then runs out of time found
    // the database busy or cold, which is the service's state, not the client's mistake.
    return new ServiceUnavailableError('The graph database did not finish this query in time (busy, or still warming up); try again in a moment.', { reason: 'TIMEOUT' });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new BudgetGraphError('CONFLICT', 'Another load of the same document or department changed the graph at the same time; try again.', { reason: 'CONCURRENT_WRITE' });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new ServiceUnavailableError('The service could not authenticate to its graph database; check NEO4J_USER / NEO4J_PASSWORD.', { reason: 'DATABASE_AUTH' });
  }
  return err;
}
