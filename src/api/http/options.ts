// What startHttpServer is given: the database, the schema and the settings of the front's limits.
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../../db/connection.js';
import type { Logger } from '../logger.js';
import type { BodyRate } from './body-limits.js';
import type { ConnectionCaps } from './connection-caps.js';

export interface HttpServerOptions {
  db: Database;
  schema: GraphQLSchema;
  host: string;
  port: number;
  token: string | undefined;
  /** Built explorer page (web/dist); defaults to the project's. */
  webDir?: string;
  /** Answer repeated read queries from memory per graph version (default true). */
  cacheAnswers?: boolean;
  cacheMb?: number;
  /** Per-client limits (default: none, as in tests; npm start passes the configured ones). */
  clientConcurrency?: number;
  clientRatePerSecond?: number;
  logger?: Logger;
  /** Host names answered besides loopback and the bind address (BUDGET_GRAPH_HOSTS; `*` = any). */
  allowedHosts?: string;
  /** Proxies whose X-Forwarded-For names the client (BUDGET_GRAPH_TRUSTED_PROXIES, comma-separated addresses). */
  trustedProxies?: string;
  /** Origins whose web apps may call /graphql and /export (BUDGET_GRAPH_CORS_ORIGINS, comma-separated; `*` = any; default none). */
  corsOrigins?: string;
  connectionCaps?: ConnectionCaps;
  /** The pace a request body must keep (default MIN_BODY_RATE; tests use a shorter grace). */
  bodyRate?: BodyRate;
  /** How long one write to a reader of /export may wait for the reader before the export is cut. */
  exportWriteTimeoutMs?: number;
}
