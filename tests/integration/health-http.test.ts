import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { request, Agent } from 'node:http';
import { KEEP_ALIVE_MS, startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { testDatabase } from './helpers.js';

describe('GET and POST /graphql { health }', () => {
  let db: Database;
  let server: RunningServer;
  beforeAll(async () => {
    db = await testDatabase();
    server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('answers with the Neo4j version over HTTP', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ok neo4jVersion neo4jEdition } }' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { health: { ok: boolean; neo4jVersion: string; neo4jEdition: string } } };
    expect(body.data.health.ok).toBe(true);
    expect(body.data.health.neo4jVersion).toMatch(/^5\.26\.\d+$/);
    expect(body.data.health.neo4jEdition).toBe('community');
  });

  it('keeps an idle connection open past Node’s default 5 s, so clients that pause do not all reconnect at once', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = () =>
      new Promise<{ keepAlive: string | undefined; reused: boolean }>((resolve, reject) => {
        const req = request(server.url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ keepAlive: String(res.headers['keep-alive']), reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ __typename }' }));
      });
    const first = await post();
    expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    // The subject is time passing: idle past Node's default 5 s keep-alive, the socket must still be open.
    await new Promise((r) => setTimeout(r, 6_000));
    expect((await post()).reused).toBe(true);
    agent.destroy();
  });
});
