// Every answer of one state of the graph (issue #36): a question whose reads overlapped a commit
// (a document replaced, removed or loaded while its lines were being read) is asked again, so a
// client never gets half of a replace. How a runner tells is in src/db/consistency.ts.
import type { ApolloServerPlugin } from '@apollo/server';
import type { QueryRunner } from '../db/run.js';
import { ServiceUnavailableError } from '../errors.js';
import type { ApiContext } from './context.js';

/**
 * How often a question is asked before the client is told to come back. A commit is applied in
 * milliseconds, so the second asking nearly always reads one state; only a writer committing
 * back to back without pause (a bulk load) can overlap five, and then a 503 says so.
 */
export const READ_ATTEMPTS = 5;

/** Pause before the n-th asking (ms): a commit being applied has time to end. */
const backoffMs = (attempt: number) => 10 * 2 ** (attempt - 2) + Math.floor(Math.random() * 10);

/** Queries (not mutations: an ingest is never run twice) have their reads watched. */
export function consistentReadsPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'query') contextValue.runner.watchWrites();
        },
      };
    },
  };
}

/** An answer and the runner that read it (null: nothing to check, e.g. a streamed answer). */
export interface Asked<T> {
  value: T;
  runner: QueryRunner | null;
}

/**
 * Asks until an answer is read from one state of the graph, at most READ_ATTEMPTS times; then a
 * 503 GRAPH_CHANGING (the graph is being written without pause), never a mixed answer.
 */
export async function askConsistently<T>(ask: () => Promise<Asked<T>>): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    const { value, runner } = await ask();
    if (!runner || (await runner.readOneState())) return { value, attempts: attempt };
    if (attempt >= READ_ATTEMPTS) {
      throw new ServiceUnavailableError(`The graph changed while this question was read, ${READ_ATTEMPTS} times in a row (documents are being loaded); ask again shortly.`, { reason: 'GRAPH_CHANGING', attempts: attempt });
    }
    await new Promise((r) => setTimeout(r, backoffMs(attempt + 1)));
  }
}
