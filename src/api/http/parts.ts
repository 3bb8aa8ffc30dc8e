// What the server's parts share, built once by startHttpServer and handed to each part explicitly.
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../../db/connection.js';
import type { ClientLimiter } from './client-limits.js';
import type { ApiContext } from '../context.js';
import type { CorsPolicy } from './cors.js';
import type { IngestService } from '../ingest-service.js';
import type { Logger } from '../logger.js';
import type { ResponseCache } from '../response-cache.js';
import type { BodyRate } from './body-limits.js';
import type { Drain } from './drain.js';
import type { RequestRecord, RequestRecords } from './request-log.js';

export interface ServerParts {
  readonly db: Database;
  readonly schema: GraphQLSchema;
  /** The write token (/ingest and mutations); undefined when writes are off. */
  readonly token: string | undefined;
  readonly logger: Logger;
  readonly apollo: ApolloServer<ApiContext>;
  readonly cache: ResponseCache | null;
  readonly ingest: IngestService;
  readonly records: RequestRecords;
  readonly drain: Drain;
  /** Built explorer page (web/dist). */
  readonly webDir: string;
  readonly cors: CorsPolicy;
  readonly limiter: ClientLimiter;
  /** Whether a Host header names this server (hostPolicy). */
  readonly hostAllowed: (header: string | undefined) => boolean;
  /** The client's address, from the socket or a trusted proxy's X-Forwarded-For (clientAddressPolicy). */
  readonly clientOf: (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string;
  readonly bodyRate: BodyRate;
  /** How long one write to a reader of /export may wait for the reader before the export is cut. */
  readonly exportWriteTimeoutMs: number;
}

/** One API request as its route handler sees it. */
export interface ApiCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  record: RequestRecord;
  /** Aborted when the body falls under the minimum pace. */
  cut: AbortSignal;
  /** From an origin BUDGET_GRAPH_CORS_ORIGINS names, which the CSRF rule need not hold off. */
  allowedOrigin: boolean;
}
