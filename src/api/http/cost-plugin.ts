// The cost limit as an Apollo plugin: an operation is refused before anything runs.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { ApiContext } from '../context.js';
import { LIMITS, operationCost, tooComplex } from '../limits.js';

/** Rejects operations whose estimated database rows exceed the limit, before anything runs. */
export function costPlugin(schema: GraphQLSchema): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = operationCost(schema, document, request.operationName, request.variables ?? {});
          if (cost > LIMITS.maxCost) throw tooComplex(`Query cost ${cost} (estimated database rows) exceeds the limit of ${LIMITS.maxCost}. Ask for smaller pages (first) or fewer nested lists.`, { limit: 'cost', cost, maxCost: LIMITS.maxCost });
        },
      };
    },
  };
}
