// What an integrator expects of the HTTP side (issue #42): a web app on another origin calls the
// API when the operator names its origin, and no other origin's does; answers are compressed as
// the client accepts them, /export too, and decompress to exactly the uncompressed answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { startApi, type ApiFixture } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
let api: ApiFixture;
let server: RunningServer;
let browser: Browser;
// Two web apps, each on its own origin: the operator names the first.
let named: { server: Server; origin: string };
let other: { server: Server; origin: string };

/** A one-page web app: its script is the test's, run in the page. */
async function webApp(): Promise<{ server: Server; origin: string }> {
  const app = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><meta charset="utf-8"><title>an analyst\'s app</title><p>app</p>');
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  return { server: app, origin: `http://127.0.0.1:${(app.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  api = await startApi();
  named = await webApp();
  other = await webApp();
  server = await startHttpServer({ db: api.db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined, corsOrigins: named.origin });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const app of [named, other]) app?.server.close();
  await api?.stop();
});

/** What a page on `origin` gets from the API with fetch: the answer, or the browser's refusal. */
async function fetchFrom(origin: string, how: 'POST_JSON' | 'GET_PLAIN' | 'EXPORT'): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(
      async ({ api, how }) => {
        const query = '{ documents(first: 2) { totalCount } }';
        try {
          const res =
            how === 'POST_JSON'
              ? await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
              : how === 'GET_PLAIN'
                ? // urql's and graphql-request's GET: no preflight header, a simple request.
                  await fetch(`${api}?query=${encodeURIComponent(query)}`)
                : await fetch(api.replace(/graphql$/, 'export'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents(first: 5) { nodes { id year } } }', format: 'csv' }) });
          return `${res.status} ${res.headers.get('x-request-id') ? 'id' : 'no-id'} ${await res.text()}`;
        } catch (err) {
          return `refused: ${(err as Error).name}`;
        }
      },
      { api: server.url, how },
    );
  } finally {
    await page.close();
  }
}

describe('a web app on another origin (BUDGET_GRAPH_CORS_ORIGINS)', () => {
  it('calls /graphql from a named origin, with JSON (a preflight) and with a plain GET, and reads the request id', async () => {
    const documents = (await api.gql('{ documents(first: 2) { totalCount } }')).data.documents.totalCount as number;
    expect(documents).toBeGreaterThan(0);
    const answer = `200 id {"data":{"documents":{"totalCount":${documents}}},"extensions":{"cypherRoundTrips":1}}`;
    expect(await fetchFrom(named.origin, 'POST_JSON')).toBe(answer);
    expect(await fetchFrom(named.origin, 'GET_PLAIN')).toBe(answer);
  });

  it('exports CSV to a named origin', async () => {
    const answer = await fetchFrom(named.origin, 'EXPORT');
    expect(answer).toMatch(/^200 id \uFEFF?id,year\r?\n/);
  });

  it('gives another origin nothing: the browser refuses the call', async () => {
    expect(await fetchFrom(other.origin, 'POST_JSON')).toBe('refused: TypeError');
    expect(await fetchFrom(other.origin, 'GET_PLAIN')).toBe('refused: TypeError');
  });

  it('answers a preflight from a named origin with what it may send, and one from another without any CORS header', async () => {
    const preflight = (origin: string) => raw('OPTIONS', '/graphql', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' });
    const yes = await preflight(named.origin);
    expect(yes.status).toBe(204);
    expect(yes.headers['access-control-allow-origin']).toBe(named.origin);
    expect(yes.headers['access-control-allow-headers']).toContain('authorization');
    expect(yes.headers['access-control-allow-credentials']).toBeUndefined();
    const no = await preflight(other.origin);
    expect(no.status).toBe(204);
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps the CSRF rule for a simple request from anywhere else', async () => {
    const res = await raw('GET', `/graphql?query=${encodeURIComponent('{ documents(first: 1) { totalCount } }')}`, { origin: other.origin });
    expect(res.status).toBe(400);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** One HTTP request with exactly these headers; the body's bytes as sent. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('compressed answers (Accept-Encoding)', () => {
  const query = JSON.stringify({ query: '{ documents(first: 5) { nodes { id year department { name } functionLines { code name total } } } }' });
  const post = (path: string, encoding: string | null, body = query) =>
    raw('POST', path, { 'content-type': 'application/json', ...(encoding ? { 'accept-encoding': encoding } : {}) }, body);

  it('sends a large /graphql answer as Brotli or gzip, which decompresses to the same answer', async () => {
    const plain = await post('/graphql', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const answer = plain.body.toString('utf8');
    expect(JSON.parse(answer).data.documents.nodes.length).toBe(5);
    const br = await post('/graphql', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(answer);
    const gz = await post('/graphql', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(answer);
    // The bytes saved, for the note: JSON of Chinese names compresses well.
    expect(br.body.length).toBeLessThan(answer.length / 4);
  });

  it('leaves a small answer as it is', async () => {
    const small = await post('/graphql', 'br', JSON.stringify({ query: '{ documents(first: 1) { totalCount } }' }));
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('streams /export compressed, decompressing to the uncompressed CSV', async () => {
    const body = JSON.stringify({ query: '{ documents(first: 100) { nodes { id year departmentPrinted } } }', format: 'csv' });
    const plain = await post('/export', null, body);
    expect(plain.status).toBe(200);
    const csv = plain.body.toString('utf8');
    expect(csv.split('\n').length).toBeGreaterThan(3);
    const br = await post('/export', 'br', body);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(csv);
    const gz = await post('/export', 'gzip', body);
    expect(gunzipSync(gz.body).toString('utf8')).toBe(csv);
  });
});

describe('automatic persisted queries of a version this server does not speak', () => {
  it('is 400 BAD_REQUEST saying which version to send, not a 500-coded INTERNAL_SERVER_ERROR', async () => {
    const body = JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'ab'.repeat(32) } } });
    const res = await raw('POST', '/graphql', { 'content-type': 'application/json' }, body);
    expect(res.status).toBe(400);
    const answer = JSON.parse(res.body.toString('utf8'));
    expect(answer.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(answer.errors[0].message).toMatch(/version 1/);
  });
});
