// HTTP front: /graphql goes to Apollo Server; everything else is the explorer page (web/).
// A thin node:http integration keeps the dependency list short (no Express).
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../db/connection.js';
import { projectRoot } from '../config.js';
import { serveStatic } from './static-files.js';
import { join } from 'node:path';
import { createContext, type ApiContext } from './context.js';
import { formatError } from './format-error.js';
import { complexityPlugin, depthLimit } from './limits.js';
import { roundTripsPlugin } from './round-trips-plugin.js';
import { ResponseCache, responseCachePlugin, stringifyResult } from './response-cache.js';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

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
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const cache = opts.cacheAnswers === false ? null : new ResponseCache(opts.db);
  const apollo = new ApolloServer<ApiContext>({
    schema: opts.schema,
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Compact JSON (Apollo pretty-prints by default: more bytes and CPU for every answer), and a
    // cached answer's data is not serialized again.
    stringifyResult,
    validationRules: [depthLimit()],
    // No HTTP cache hints are set, so Apollo's cache-control bookkeeping per field is pure cost.
    plugins: [complexityPlugin(opts.schema), ...(cache ? [responseCachePlugin(cache)] : []), roundTripsPlugin(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  const webDir = opts.webDir ?? join(projectRoot, 'web', 'dist');

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errors: [{ message: err instanceof Error ? err.message : String(err), extensions: { code: 'INTERNAL' } }] }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      await serveStatic(webDir, url.pathname, req, res);
      return;
    }
    const body = await readBody(req);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const authorized = isAuthorized(req.headers.authorization, opts.token);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => createContext(opts.db, authorized, Boolean(opts.token), cache),
    });
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host}:${port}/graphql`,
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

function isAuthorized(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header) return false;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match !== null && match[1] === token;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`Request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
