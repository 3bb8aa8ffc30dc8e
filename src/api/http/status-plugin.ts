// GraphQL answers' HTTP status and their error log, as an Apollo plugin; it also fills the request's record.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { BudgetGraphError } from '../../errors.js';
import type { ApiContext } from '../context.js';
import { rootCause } from '../format-error.js';
import type { Logger } from '../logger.js';
import type { RequestRecords } from './request-log.js';
import { httpStatusOf } from './errors.js';

/**
 * Client errors get the 4xx their code stands for (README "Errors"), a dead database 503;
 * internal errors are logged with the request id, which the client sees instead of the detail.
 */
export function statusAndLogPlugin(logger: Logger, records: RequestRecords): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            const original = rootCause(err);
            // Parse, validation and variable errors are GraphQLErrors (Apollo wraps them once more): the client's.
            const expected = original instanceof BudgetGraphError || original instanceof GraphQLError;
            if (!expected) logger.error({ requestId: contextValue.requestId, err: original, path: err.path }, 'internal error');
          }
        },
        async willSendResponse({ response, contextValue, operationName }) {
          const record = records.get(contextValue.runner);
          if (record) {
            record.operation = operationName ?? null;
            record.roundTrips = contextValue.runner.roundTrips;
            record.dbMs = contextValue.runner.dbMs;
          }
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
          const codes = response.body.singleResult.errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          record?.errorCodes.push(...codes);
          for (const e of response.body.singleResult.errors) {
            // Apollo types a formatted error's extensions readonly; the request id is added in place, before the response is sent.
            if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') (e.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
          const statuses = codes.map(httpStatusOf);
          // The most telling status: a dead database (503) over a client mistake over the rest.
          const status = statuses.includes(503) ? 503 : (statuses.find((s) => s >= 400 && s < 500) ?? Math.max(...statuses));
          if (!response.http.status || response.http.status === 200 || response.http.status === 500) response.http.status = status;
          if (response.http.status === 503) response.http.headers.set('retry-after', '5');
        },
      };
    },
  };
}
