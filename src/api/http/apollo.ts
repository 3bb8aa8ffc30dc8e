// Apollo Server with the service's plugins, in the order they act on a request.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { ApiContext } from '../context.js';
import { consistentReadsPlugin } from '../consistent-reads.js';
import { formatError } from '../format-error.js';
import { LIMITS, validationRules } from '../limits.js';
import type { Logger } from '../logger.js';
import { type ResponseCache, responseCachePlugin, stringifyResult } from '../response-cache.js';
import { roundTripsPlugin } from './round-trips-plugin.js';
import { costPlugin } from './cost-plugin.js';
import type { RequestRecords } from './request-log.js';
import { statusAndLogPlugin } from './status-plugin.js';

export interface ApolloParts {
  logger: Logger;
  /** The answer cache, or null when answers are not cached. */
  cache: ResponseCache | null;
  records: RequestRecords;
}

export async function startApollo(schema: GraphQLSchema, { logger, cache, records }: ApolloParts): Promise<ApolloServer<ApiContext>> {
  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // Compact JSON, and a cached answer's data is not serialized again.
    stringifyResult,
    validationRules: validationRules(),
    plugins: [
      costPlugin(schema),
      consistentReadsPlugin(),
      ...(cache ? [responseCachePlugin(cache)] : []),
      roundTripsPlugin(),
      statusAndLogPlugin(logger, records),
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads its sandbox from the internet; /graphql in a browser says where to go instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}
