// What the API says for each failure of the database (src/db/neo4j-errors.ts): decided by the
// driver error's code, the client told whether it was its mistake.
import { describe, expect, it } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import { classifyDatabaseError } from '../../src/db/neo4j-errors.js';
import { BudgetGraphError } from '../../src/errors.js';

const fault = (code: string, message = 'from the server') => classifyDatabaseError(new Neo4jError(message, code, '', '')) as BudgetGraphError;

describe('database failures, as the client hears them', () => {
  it('a query past the transaction timeout is a 503 of the service, not a 400 that blames the query', () => {
    for (const code of ['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']) {
      const err = fault(code);
      expect(err.code).toBe('SERVICE_UNAVAILABLE');
      expect(err.details.reason).toBe('TIMEOUT');
    }
  });

  it('a write the transaction log could not take (a full disk) is DATABASE_PANIC: the database needs a restart', () => {
    expect(fault('Neo.DatabaseError.Transaction.TransactionLogError', 'Could not append transaction #165 to log.').details.reason).toBe('DATABASE_PANIC');
    expect(fault('Neo.DatabaseError.Transaction.TransactionStartFailed', 'The database has encountered a critical error, and needs to be restarted.').details.reason).toBe('DATABASE_PANIC');
  });

  it('a transaction that cannot start for another reason is unavailable, without a restart', () => {
    const err = fault('Neo.DatabaseError.Transaction.TransactionStartFailed', 'The database is shutting down.');
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(err.details.reason).toBe('DATABASE_UNAVAILABLE');
  });

  it('a lost race for a unique node is a CONFLICT the writer retries; an unknown code stays internal', () => {
    expect(fault('Neo.ClientError.Schema.ConstraintValidationFailed').details.reason).toBe('CONCURRENT_WRITE');
    const unknown = new Neo4jError('odd', 'Neo.DatabaseError.General.UnknownError', '', '');
    expect(classifyDatabaseError(unknown)).toBe(unknown);
  });
});
