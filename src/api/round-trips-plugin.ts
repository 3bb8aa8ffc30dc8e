// Reports how many Cypher statements a request ran, in the response's `extensions`, so
// clients, tests and benchmarks can see N+1 patterns instead of guessing.
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from './context.js';

export function roundTripsPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cypherRoundTrips: contextValue.runner.roundTrips };
          }
        },
      };
    },
  };
}
