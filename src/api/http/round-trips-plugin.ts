// Reports how many Cypher statements a request ran, in the response's `extensions`, so
// clients, tests and benchmarks can see N+1 patterns instead of guessing. An answer from the
// cache reports what the question costs when it runs (so the figure does not reveal the cache).
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../context.js';

export function roundTripsPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            const roundTrips = contextValue.cachedRoundTrips ?? contextValue.runner.roundTrips;
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cypherRoundTrips: roundTrips };
          }
        },
      };
    },
  };
}
