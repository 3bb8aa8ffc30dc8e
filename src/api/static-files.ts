// Serves the built explorer page (web/dist) at / and the query editor at /graphiql from the same server as the API, so
// `npm start` needs no second process. Read-only, GET/HEAD only, confined to its folder.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { projectRoot } from '../config.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Files served from outside the built page: data the pages read (the query editor's examples). */
const DATA: Record<string, string> = { '/graphiql/examples.json': join(projectRoot, 'docs', 'queries', 'queries.json') };

/** Pages served without their .html suffix. */
const PAGES: Record<string, string> = { '/': '/index.html', '/graphiql': '/graphiql.html' };

// Inline style attributes colour the legend dots; GraphiQL's fonts are inlined as data: URLs;
// scripts and connections stay same-origin.
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
    res.setHeader('content-type', TYPES['.json']!);
    res.setHeader('cache-control', 'no-cache');
    if (req.method === 'HEAD') return void res.end();
    return void createReadStream(data).on('error', () => res.destroy()).pipe(res);
  }
  let rel: string;
  try {
    rel = decodeURIComponent(PAGES[pathname] ?? pathname);
  } catch {
    return send(400, 'Bad path\n');
  }
  const file = normalize(join(dir, rel));
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    if (PAGES[pathname] || pathname.endsWith('.html')) return send(503, 'The explorer and query editor pages are not built: run `npm run build:web` (the GraphQL API at /graphql works without them).\n');
    return send(404, 'Not found. The explorer is at /, the query editor at /graphiql, the GraphQL API at /graphql.\n');
  }
  res.statusCode = 200;
  res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('x-content-type-options', 'nosniff');
  if (extname(file) === '.html') {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('cache-control', 'no-cache');
  } else if (rel.startsWith('/assets/')) {
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  }
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
}
