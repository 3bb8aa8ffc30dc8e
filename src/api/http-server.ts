// HTTP front: /graphql goes to Apollo Server, /healthz answers load balancers, everything else
// is the explorer page (web/) or the query editor (/graphiql). A thin node:http integration keeps the dependency list short.
// Around Apollo: a request id, per-client limits (429), a body cap (413) and pace (408), caps on
// connections, an answer cap, one log line per request, and a drain on stop.
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Database } from '../db/connection.js';
import type { QueryRunner } from '../db/run.js';
import { projectRoot } from '../config.js';
import { BudgetGraphError, HTTP_STATUS, ServiceUnavailableError } from '../errors.js';
import { askConsistently, consistentReadsPlugin } from './consistent-reads.js';
import { exportStream, sendMaybeCompressed } from './compression.js';
import { applyCors, corsPolicy } from './cors.js';
import { serveStatic } from './static-files.js';
import { createContext, type ApiContext } from './context.js';
import { formatError, INTERNAL_MESSAGE, rootCause } from './format-error.js';
import { LIMITS, operationCost, tooComplex, validationRules } from './limits.js';
import { roundTripsPlugin } from './round-trips-plugin.js';
import { ResponseCache, responseCachePlugin, stringifyResult } from './response-cache.js';
import { ClientLimiter } from './client-limits.js';
import { IngestService } from './ingest-service.js';
import { handleIngest } from './ingest-http.js';
import { handlePageImage, isPageImagePath } from './page-images.js';
import { createLogger, type Logger } from './logger.js';
import { csvHeader, csvRow, exportRequest, ndjsonRow, planExport, rowsAt } from './export.js';
import { once } from 'node:events';
import { CSRF_MESSAGE, checkVariableDepth, clientAddressPolicy, DEFAULT_CONNECTION_CAPS, FIRST_BYTE_TIMEOUT_MS, HttpError, MAX_BODY_BYTES, MIN_BODY_RATE, REQUEST_TIMEOUT_MS, capConnections, dropSilentConnections, hostPolicy, passesCsrfRule, readBodyText, slowBody, tokenMatches, watchBodyRate, type BodyRate, type ConnectionCaps } from './http-guards.js';

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

export { MAX_BODY_BYTES };
/** How long an idle keep-alive connection is kept (see where the server is created). */
export const KEEP_ALIVE_MS = 65_000;
/** /healthz's own bound on asking Neo4j (load balancers time out at 1-2 s). */
export const HEALTH_PROBE_MS = 800;
/**
 * How often Node looks for requests past headersTimeout / requestTimeout. Its default, 30 s, let
 * a request outlive its timeout by up to 30 s (a body trickled for 68 s and more was measured); the
 * scan of the open connections every 2 s costs next to nothing.
 */
export const CONNECTION_CHECK_MS = 2_000;

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

/** What the request log line says about one GraphQL request. */
interface RequestRecord {
  operation: string | null;
  roundTrips: number;
  /** Of the request's time, how much was spent waiting for Neo4j (see QueryRunner.dbMs). */
  dbMs: number;
  errorCodes: string[];
  /** How many times the question was asked to read it from one state of the graph (consistent-reads.ts). */
  attempts?: number;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(process.env.BUDGET_GRAPH_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'));
  const cache = opts.cacheAnswers === false ? null : new ResponseCache(opts.db, (opts.cacheMb ?? 64) * 1024 * 1024);
  const ingest = new IngestService(opts.db, cache);
  const cors = corsPolicy(opts.corsOrigins);
  const limiter = new ClientLimiter({ concurrency: opts.clientConcurrency ?? 0, ratePerSecond: opts.clientRatePerSecond ?? 0 });
  // Keyed by the request's runner: Apollo hands plugins a shallow copy of the context object, so
  // the context itself is not a key that survives; the runner inside it is.
  const records = new WeakMap<QueryRunner, RequestRecord>();

  const apollo = new ApolloServer<ApiContext>({
    schema: opts.schema,
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // Compact JSON, and a cached answer's data is not serialized again.
    stringifyResult,
    validationRules: validationRules(),
    plugins: [
      costPlugin(opts.schema),
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
  const webDir = opts.webDir ?? join(projectRoot, 'web', 'dist');

  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | null = null;

  const hostAllowed = hostPolicy(opts.host, opts.allowedHosts);
  const clientOf = clientAddressPolicy(opts.trustedProxies);
  const exportWriteTimeoutMs = opts.exportWriteTimeoutMs ?? 30_000;
  const bodyRate = opts.bodyRate ?? MIN_BODY_RATE;

  const server: Server = createServer({ connectionsCheckingInterval: CONNECTION_CHECK_MS }, (req, res) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    // Read once, now: once the socket is gone (an aborted or refused body) it is not there to ask.
    const client = clientOf(req.socket.remoteAddress, req.headers['x-forwarded-for']);
    res.setHeader('x-request-id', requestId);
    inFlight++;
    const record: RequestRecord = { operation: null, roundTrips: 0, dbMs: 0, errorCodes: [] };
    let release = () => {};
    const done = () => {
      release();
      if (--inFlight === 0 && drained) drained();
    };
    res.once('close', done);
    // A body under the minimum pace: its reader stops and the request is answered 408.
    const cut = new AbortController();
    watchBodyRate(req, bodyRate, () => cutSlowBody(req, res, cut, bodyRate));
    let pathname = '/';
    (async () => {
      // A request target URL cannot parse ("//[") is the client's mistake, not an exception.
      const url = URL.parse(req.url ?? '/', 'http://localhost');
      if (!url) throw new HttpError(400, 'BAD_REQUEST', 'The request target is not a valid path.');
      pathname = url.pathname;
      // Shutting down: this connection is not kept for another request.
      if (draining) res.setHeader('connection', 'close');
      if (!hostAllowed(req.headers.host)) throw new HttpError(421, 'BAD_REQUEST', `This server does not answer for host "${String(req.headers.host ?? '').slice(0, 100)}"; set BUDGET_GRAPH_HOSTS to the names it is reached by.`);
      if (draining) throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'The server is shutting down; retry on another instance or in a moment.');
      if (pathname === '/healthz') return healthz(res);
      if (pathname !== '/graphql' && pathname !== '/export' && pathname !== '/ingest' && !isPageImagePath(pathname)) return serveStatic(webDir, pathname, req, res);
      // Before the limits: a preflight costs nothing, and a named origin's app can read its 429.
      const crossOrigin = applyCors(req, res, cors);
      if (crossOrigin === 'PREFLIGHT_ANSWERED') return;
      const allowedOrigin = crossOrigin === 'ALLOWED_ORIGIN';
      const admission = limiter.admit(client);
      if (!admission.ok) {
        res.setHeader('retry-after', String(admission.retryAfterSeconds));
        throw new HttpError(429, 'RATE_LIMITED', admission.reason === 'RATE' ? 'Too many requests from this client; slow down (see Retry-After).' : 'Too many requests from this client at once; wait for some to finish.');
      }
      release = admission.release;
      if (pathname === '/export') await handleExport(req, res, url, requestId, record, cut.signal, allowedOrigin);
      // A PDF's printed page, personal data painted over (src/api/page-images.ts).
      else if (isPageImagePath(pathname)) {
        record.operation = 'page';
        await handlePageImage(req, res, pathname, { db: opts.db, allowedOrigin });
      }
      else if (pathname === '/ingest') {
        // A document's file with the write token (src/api/ingest-http.ts).
        record.operation = 'ingest';
        await handleIngest(req, res, url, { ingest, token: opts.token }, requestId, cut.signal);
      }
      else await handleGraphql(req, res, url, requestId, record, cut.signal, allowedOrigin);
    })()
      .catch((thrown: unknown) => {
        // A client mistake found outside GraphQL (e.g. an export query that selects no list).
        const err = thrown instanceof BudgetGraphError ? new HttpError(HTTP_STATUS[thrown.code] ?? 400, thrown.code, thrown.message) : thrown;
        const known = err instanceof HttpError;
        if (!known) logger.error({ requestId, err }, 'request failed');
        record.errorCodes.push(known ? err.code : 'INTERNAL_SERVER_ERROR');
        if (res.headersSent || res.destroyed) return void res.destroy();
        if (known && err.status === 503) res.setHeader('retry-after', '5');
        // The rest of a refused or too slow body is not read: the connection closes after this answer.
        if (known && (err.status === 413 || err.status === 408)) res.setHeader('connection', 'close');
        sendError(res, known ? err.status : 500, known ? err.code : 'INTERNAL_SERVER_ERROR', known ? err.message : INTERNAL_MESSAGE, requestId);
      })
      .finally(() => {
        if (pathname !== '/graphql' && pathname !== '/export' && pathname !== '/ingest' && !isPageImagePath(pathname)) return;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.info({ requestId, client, operation: record.operation, ms: Math.round(ms * 10) / 10, dbMs: Math.round(record.dbMs * 10) / 10, roundTrips: record.roundTrips, attempts: record.attempts && record.attempts > 1 ? record.attempts : undefined, status: res.statusCode, errors: record.errorCodes.length ? record.errorCodes : undefined }, 'graphql');
      })
      // Nothing on a request's path may end the process: a fault here is logged and the socket dropped.
      .catch((err: unknown) => {
        logger.error({ requestId, err }, 'request cleanup failed');
        res.destroy();
      });
  });
  const caps = opts.connectionCaps ?? DEFAULT_CONNECTION_CAPS;
  capConnections(server, caps, opts.trustedProxies);
  dropSilentConnections(server, caps.firstByteMs ?? FIRST_BYTE_TIMEOUT_MS);
  // Slow clients cannot hold sockets forever.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = 20_000;
  // Idle keep-alive connections stay open 65 s, longer than the 60 s idle timeout of the proxies
  // that commonly front a server (one would otherwise reuse a connection just closed here). With
  // Node's default 5 s, 50 clients resuming after a 15 s pause measured p99 1.1–2.9 s on the
  // document question, against 0.22–0.35 s with 65 s (bench/RESULTS.md, 2026-11-26).
  server.keepAliveTimeout = KEEP_ALIVE_MS;

  /**
   * Answers within HEALTH_PROBE_MS whatever the database does: a stall is a prompt 503, not a hang.
   * Ready means ready: 503 with the reason while the database restarts, warms up or does not
   * answer its liveness probe (src/db/availability.ts), 200 only when requests will be answered.
   */
  async function healthz(res: ServerResponse): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), HEALTH_PROBE_MS)));
    const probe = opts.db.isUp() ? opts.db.driver.getServerInfo().then(() => true, () => false) : Promise.resolve(false);
    const up = await Promise.race([probe, late]);
    clearTimeout(timer);
    res.statusCode = up ? 200 : 503;
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    if (!up) res.setHeader('retry-after', '5');
    res.end(JSON.stringify(up ? { ok: true } : { ok: false, reason: opts.db.unavailableReason() ?? 'DATABASE_UNAVAILABLE' }));
  }

  /** `allowedOrigin`: from an origin BUDGET_GRAPH_CORS_ORIGINS names, which the CSRF rule need not hold off. */
  async function handleGraphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, record: RequestRecord, cut: AbortSignal, allowedOrigin: boolean): Promise<void> {
    if (req.method === 'GET' && !url.searchParams.has('query') && !url.searchParams.has('extensions') && (req.headers.accept ?? '').includes('text/html')) {
      // A person opened the endpoint in a browser: the query editor is what they want.
      res.statusCode = 302;
      res.setHeader('location', '/graphiql');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><meta charset="utf-8"><title>Budget Graph API</title><p>This is the GraphQL endpoint. The query editor is at <a href="/graphiql">/graphiql</a>, the explorer at <a href="/">/</a>.</p>');
      return;
    }
    const body = await readBody(req, cut);
    checkVariableDepth(body, url.searchParams);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    if (allowedOrigin) headers.set('apollo-require-preflight', 'true');
    const authorized = tokenMatches(req.headers.authorization, opts.token);
    const asked = await askConsistently(async () => {
      let runner: QueryRunner | null = null;
      const value = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const ctx = createContext(opts.db, { requestId, authorized, ingestEnabled: Boolean(opts.token), cache, ingest });
          records.set(ctx.runner, record);
          runner = ctx.runner;
          return ctx;
        },
      });
      return { value, runner: value.body.kind === 'complete' ? runner : null };
    }).catch((err: unknown) => {
      if (!(err instanceof ServiceUnavailableError && err.details.reason === 'GRAPH_CHANGING')) throw err;
      record.errorCodes.push(err.code);
      res.statusCode = 503;
      res.setHeader('retry-after', '1');
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: [{ message: err.message, extensions: { code: err.code, reason: err.details.reason, requestId } }] }));
      return null;
    });
    if (!asked) return;
    record.attempts = asked.attempts;
    const result = asked.value;
    if (result.body.kind === 'complete') {
      if (result.body.string.length > LIMITS.maxAnswerBytes / 2 && Buffer.byteLength(result.body.string) > LIMITS.maxAnswerBytes) {
        record.errorCodes.push('QUERY_TOO_COMPLEX');
        throw new HttpError(400, 'QUERY_TOO_COMPLEX', `The answer is larger than ${LIMITS.maxAnswerBytes / 1024 / 1024} MiB; ask for smaller pages or fewer fields.`);
      }
      res.statusCode = result.status ?? 200;
      for (const [key, value] of result.headers) res.setHeader(key, value);
      await sendMaybeCompressed(req, res, result.body.string);
    } else {
      res.statusCode = result.status ?? 200;
      for (const [key, value] of result.headers) res.setHeader(key, value);
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  /** /export: the rows of one list as CSV or NDJSON, page after page (src/api/export.ts). */
  async function handleExport(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, record: RequestRecord, cut: AbortSignal, allowedOrigin: boolean): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'POST') throw new HttpError(405, 'BAD_USER_INPUT', 'GET or POST /export with query, variables and format (csv or ndjson).');
    if (!allowedOrigin && !passesCsrfRule(req)) throw new HttpError(400, 'BAD_REQUEST', CSRF_MESSAGE);
    const body = await readBody(req, cut);
    const parsed = typeof body === 'string' && body.trim() ? safeJson(body) : body;
    checkVariableDepth(parsed, url.searchParams);
    const request = exportRequest(url.searchParams, parsed);
    const plan = planExport(opts.schema, request);
    record.operation = 'export';
    let after: string | null = null;
    let pages = 0;
    // The rows' stream, once the first page has been read and the status sent.
    let stream: ReturnType<typeof exportStream> | null = null;
    do {
      // Each page of one state of the graph (a page read across a replace is read again).
      const { value: result } = await askConsistently(async () => {
        const contextValue = createContext(opts.db, { requestId, authorized: false, ingestEnabled: false, cache, ingest: null, readsData: true });
        const value: GraphQLResponse = await apollo.executeOperation({ query: plan.operation(after), variables: request.variables }, { contextValue });
        record.roundTrips += contextValue.runner.roundTrips;
        record.dbMs += contextValue.runner.dbMs;
        return { value, runner: contextValue.runner };
      });
      pages++;
      if (result.body.kind !== 'single') throw new Error('export: incremental delivery is not expected');
      const data: unknown = result.body.singleResult.data;
      const errors = result.body.singleResult.errors;
      if (errors?.length) {
        const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        record.errorCodes.push(...codes);
        // Mid-stream the status is gone: end the transfer abruptly so no client takes a part for the whole.
        if (stream) return void res.destroy();
        res.statusCode = HTTP_STATUS[codes[0] as keyof typeof HTTP_STATUS] ?? 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ errors }));
        return;
      }
      if (!stream) {
        res.statusCode = 200;
        res.setHeader('content-type', request.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="budget-graph-export.${request.format === 'csv' ? 'csv' : 'ndjson'}"`);
        res.setHeader('cache-control', 'no-store');
        stream = exportStream(req, res);
        // A BOM so spreadsheet programs read the Chinese text as UTF-8.
        if (request.format === 'csv') stream.out.write(`\uFEFF${csvHeader(plan.columns)}`);
      }
      const { out, pageDone } = stream;
      for (const row of rowsAt(data, plan.rowsPath)) {
        const line = request.format === 'csv' ? csvRow(plan.columns, row) : ndjsonRow(row);
        if (!out.write(line)) {
          // A reader that stops reading holds the export (and a Neo4j page) open: it gets a bounded wait.
          let timer: NodeJS.Timeout | undefined;
          const slow = new Promise<'slow'>((r) => (timer = setTimeout(() => r('slow'), exportWriteTimeoutMs)));
          const outcome = await Promise.race([once(out, 'drain'), once(res, 'close'), slow]);
          clearTimeout(timer);
          if (outcome === 'slow') {
            record.errorCodes.push('SLOW_READER');
            return void res.destroy();
          }
        }
        if (res.destroyed) return;
      }
      const pageInfo: { hasNextPage?: boolean; endCursor?: string | null } | undefined = plan.pageInfoPath ? (rowsAt(data, plan.pageInfoPath)[0] as { hasNextPage?: boolean; endCursor?: string | null } | undefined) : undefined;
      after = pageInfo?.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : null;
      pageDone();
    } while (after && !res.destroyed && !draining);
    (stream?.out ?? res).end();
    logger.debug({ requestId, pages }, 'export');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host}:${port}/graphql`,
    port,
    cache,
    async stop(drainMs = 10_000, graceMs = 0) {
      draining = true;
      if (graceMs > 0) await new Promise((r) => setTimeout(r, Math.min(graceMs, drainMs)));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await Promise.race([new Promise<void>((r) => (drained = r)), new Promise((r) => setTimeout(r, drainMs))]);
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

/**
 * A body under the minimum pace. Before the answer: the connection is marked to close after it and
 * the body's reader is stopped with a 408, which the request answers and logs. After the answer
 * (Node is reading and dropping a body nobody read), there is nothing to answer: the socket goes.
 */
function cutSlowBody(req: IncomingMessage, res: ServerResponse, cut: AbortController, rate: BodyRate): void {
  if (res.headersSent) return void req.socket.destroy();
  res.setHeader('connection', 'close');
  cut.abort(slowBody(rate));
}

function sendError(res: ServerResponse, status: number, code: string, message: string, requestId: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, requestId } }] }));
}

/** Rejects operations whose estimated database rows exceed the limit, before anything runs. */
function costPlugin(schema: GraphQLSchema): ApolloServerPlugin<ApiContext> {
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

/**
 * Client errors get the 4xx their code stands for (README "Errors"), a dead database 503;
 * internal errors are logged with the request id, which the client sees instead of the detail.
 */
function statusAndLogPlugin(logger: Logger, records: WeakMap<QueryRunner, RequestRecord>): ApolloServerPlugin<ApiContext> {
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
            if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') (e.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
          const statuses = codes.map((c) => HTTP_STATUS[c as keyof typeof HTTP_STATUS] ?? 500);
          // The most telling status: a dead database (503) over a client mistake over the rest.
          const status = statuses.includes(503) ? 503 : (statuses.find((s) => s >= 400 && s < 500) ?? Math.max(...statuses));
          if (!response.http.status || response.http.status === 200 || response.http.status === 500) response.http.status = status;
          if (response.http.status === 503) response.http.headers.set('retry-after', '5');
        },
      };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_USER_INPUT', 'The request body is not valid JSON; send {"query": "...", "format": "csv"}.');
  }
}

async function readBody(req: IncomingMessage, cut: AbortSignal): Promise<unknown> {
  const text = await readBodyText(req, MAX_BODY_BYTES, cut);
  if (text === undefined) return undefined;
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'BAD_USER_INPUT', 'The request body is not valid JSON; send {"query": "...", "variables": {...}}.');
    }
  }
  return text;
}
