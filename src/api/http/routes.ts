// The router table: which part answers a path. /healthz and the explorer's files are answered before
// CORS and the per-client limits; the API paths after them, each by its handler.
import { handleIngest } from '../ingest-http.js';
import { handlePageImage, isPageImagePath } from '../page-images.js';
import { answerExport } from './export-route.js';
import { answerGraphql } from './graphql-route.js';
import type { ApiCall, ServerParts } from './parts.js';

/** The paths behind CORS and the per-client limits, whose requests are logged. */
export type ApiRoute = 'graphql' | 'export' | 'ingest' | 'page';
export type Route = 'health' | 'static' | ApiRoute;

export function routeOf(pathname: string): Route {
  if (pathname === '/healthz') return 'health';
  if (pathname === '/graphql') return 'graphql';
  if (pathname === '/export') return 'export';
  if (pathname === '/ingest') return 'ingest';
  if (isPageImagePath(pathname)) return 'page';
  // The explorer page (web/) or the query editor (/graphiql).
  return 'static';
}

export const isApiRoute = (route: Route): route is ApiRoute => route !== 'health' && route !== 'static';

export type ApiHandler = (call: ApiCall) => Promise<void>;

export function apiHandlers(parts: ServerParts): Record<ApiRoute, ApiHandler> {
  return {
    graphql: (call) => answerGraphql(parts, call),
    export: (call) => answerExport(parts, call),
    // A PDF's printed page, personal data painted over (src/api/page-images.ts).
    page: async ({ req, res, url, record, allowedOrigin }) => {
      record.operation = 'page';
      await handlePageImage(req, res, url.pathname, { db: parts.db, allowedOrigin });
    },
    // A document's file with the write token (src/api/ingest-http.ts).
    ingest: async ({ req, res, url, record, requestId, cut }) => {
      record.operation = 'ingest';
      await handleIngest(req, res, url, { ingest: parts.ingest, token: parts.token }, requestId, cut);
    },
  };
}
