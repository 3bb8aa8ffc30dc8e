// Serves the built explorer page (web/dist) at / and the query editor at /graphiql from the same server as the API, so
// `npm start` needs no second process. Read-only, GET/HEAD only, confined to its folder.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv, { type RequestHandler } from 'sirv';
import { projectRoot } from '../../config.js';

const JSON_TYPE = 'application/json';

/** Files served from outside the built page: data the pages read (the query editor's examples). */
const DATA: Record<string, string> = { '/graphiql/examples.json': join(projectRoot, 'docs', 'queries', 'queries.json') };

/** Pages served without their .html suffix. */
const PAGES: Record<string, string> = { '/': '/index.html', '/graphiql': '/graphiql.html' };

// Inline style attributes colour the legend dots; GraphiQL's fonts are inlined as data: URLs;
// scripts and connections stay same-origin.
const NOT_BUILT =
  'The explorer and query editor pages are not built: `npm install && npm run build:web` builds them (Vite is a dev dependency; a production install, npm ci --omit=dev, cannot: copy a built web/dist, or use the Docker image). The GraphQL API at /graphql works without them.\n';

const CSP = "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

export async function serveStatic(dir: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const send = (status: number, text: string) => {
    res.statusCode = status;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Only GET here; the GraphQL API is at /graphql\n');
  const data = DATA[pathname];
  if (data) {
    res.statusCode = 200;
    res.setHeader('content-type', JSON_TYPE);
    res.setHeader('cache-control', 'no-cache');
    if (req.method === 'HEAD') return void res.end();
    return void createReadStream(data).on('error', () => res.destroy()).pipe(res);
  }
  // The built page: sirv (the static server Vite's preview uses) answers with ETag and 304, and
  // with the .br / .gz files scripts/build-web.mjs writes beside each asset when the client
  // accepts them (Content-Encoding, Vary: Accept-Encoding).
  const handler = pageHandler(dir);
  if (!handler) return send(503, NOT_BUILT);
  res.setHeader('x-content-type-options', 'nosniff');
  await new Promise<void>((resolve) => {
    res.once('finish', resolve);
    res.once('close', resolve);
    handler(req, res, () => {
      if (PAGES[pathname] || pathname.endsWith('.html')) send(503, NOT_BUILT);
      else send(404, 'Not found. The explorer is at /, the query editor at /graphiql, the GraphQL API at /graphql.\n');
    });
  });
}

const handlers = new Map<string, { builtAt: number; handler: RequestHandler }>();

/** One sirv handler per folder, made again when the page is rebuilt (sirv lists the files once). */
function pageHandler(dir: string): RequestHandler | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const builtAt = statSync(index).mtimeMs;
  const known = handlers.get(dir);
  if (known && known.builtAt === builtAt) return known.handler;
  const handler = sirv(dir, {
    etag: true,
    gzip: true,
    brotli: true,
    extensions: ['html'],
    // pathname is the request's ("/graphiql", "/"): hashed assets are immutable, pages revalidate.
    setHeaders(res, pathname) {
      if (pathname.startsWith('/assets/')) {
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('content-security-policy', CSP);
        res.setHeader('cache-control', 'no-cache');
      }
    },
  });
  handlers.set(dir, { builtAt, handler });
  return handler;
}
