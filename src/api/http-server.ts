// HTTP front: /graphql goes to Apollo Server, /healthz answers load balancers, everything else
// is the explorer page (web/) or the query editor (/graphiql). A thin node:http integration keeps the dependency list short.
// Around Apollo: a request id, per-client limits (429), a body cap (413) and pace (408), caps on
// connections, an answer cap, one log line per request, and a drain on stop.
// Each concern is a part in src/api/http/ (routes, body limits, export, static files, health,
// drain, request log, cost, CORS, client limits, sockets); startHttpServer only builds the shared
// state and assembles them.
import { join } from 'node:path';
import { projectRoot } from '../config.js';
import { IngestService } from './ingest-service.js';
import { createLogger } from './logger.js';
import { ResponseCache } from './response-cache.js';
import { startApollo } from './http/apollo.js';
import { MIN_BODY_RATE } from './http/body-limits.js';
import { clientAddressPolicy } from './http/client-address.js';
import { ClientLimiter } from './http/client-limits.js';
import { DEFAULT_CONNECTION_CAPS } from './http/connection-caps.js';
import { corsPolicy } from './http/cors.js';
import { Drain } from './http/drain.js';
import { hostPolicy } from './http/request-checks.js';
import type { HttpServerOptions } from './http/options.js';
import type { ServerParts } from './http/parts.js';
import type { RequestRecords } from './http/request-log.js';
import { requestListener } from './http/request-listener.js';
import { createHttpServer, listen } from './http/sockets.js';

export type { HttpServerOptions } from './http/options.js';
export { MAX_BODY_BYTES } from './http/body-limits.js';
export { CONNECTION_CHECK_MS, KEEP_ALIVE_MS } from './http/sockets.js';
export { HEALTH_PROBE_MS } from './http/health-route.js';

export interface RunningServer {
  url: string;
  port: number;
  /** The answer cache (null when off), for tests and operators. */
  cache: ResponseCache | null;
  /**
   * Stops: for `graceMs` the port stays open and every request (health included) is a 503 with
   * `connection: close`, so a client or balancer that has not yet seen the SIGTERM gets an
   * answer, not a refused socket; then it stops accepting, lets requests in flight finish (up to
   * drainMs) and closes.
   */
  stop(drainMs?: number, graceMs?: number): Promise<void>;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(process.env.BUDGET_GRAPH_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'));
  const cache = opts.cacheAnswers === false ? null : new ResponseCache(opts.db, (opts.cacheMb ?? 64) * 1024 * 1024);
  const records: RequestRecords = new WeakMap();
  const apollo = await startApollo(opts.schema, { logger, cache, records });
  const drain = new Drain();
  const parts: ServerParts = {
    db: opts.db,
    schema: opts.schema,
    token: opts.token,
    logger,
    apollo,
    cache,
    ingest: new IngestService(opts.db, cache),
    records,
    drain,
    webDir: opts.webDir ?? join(projectRoot, 'web', 'dist'),
    cors: corsPolicy(opts.corsOrigins),
    limiter: new ClientLimiter({ concurrency: opts.clientConcurrency ?? 0, ratePerSecond: opts.clientRatePerSecond ?? 0 }),
    hostAllowed: hostPolicy(opts.host, opts.allowedHosts),
    clientOf: clientAddressPolicy(opts.trustedProxies),
    bodyRate: opts.bodyRate ?? MIN_BODY_RATE,
    exportWriteTimeoutMs: opts.exportWriteTimeoutMs ?? 30_000,
  };
  const server = createHttpServer(requestListener(parts), opts.connectionCaps ?? DEFAULT_CONNECTION_CAPS, opts.trustedProxies);
  const port = await listen(server, opts.port, opts.host);
  return {
    url: `http://${opts.host}:${port}/graphql`,
    port,
    cache,
    async stop(drainMs = 10_000, graceMs = 0) {
      await drain.stop(server, drainMs, graceMs);
      await apollo.stop();
    },
  };
}
