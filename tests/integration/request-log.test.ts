// The request log line is what an operator reads to find a slow or failing request: it must name
// the operation and say how many Cypher statements it ran (and which error codes it answered).
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { testDatabase } from './helpers.js';

interface LogLine {
  msg: string;
  operation: string | null;
  roundTrips: number;
  ms: number;
  dbMs: number;
  status: number;
  errors?: string[];
}

describe('the request log', () => {
  let db: Database;
  let server: RunningServer;
  const lines: LogLine[] = [];
  const waiting: (() => void)[] = [];
  beforeAll(async () => {
    db = await testDatabase();
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as LogLine), waiting.splice(0).forEach((w) => w()), done()) }));
    server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined, cacheAnswers: false, logger });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  /** The request's own log line: awaited as the event it is (the line is written when the response ends). */
  async function post(query: string): Promise<LogLine> {
    const before = lines.length;
    await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.text());
    while (lines.length === before) await new Promise<void>((resolve) => waiting.push(resolve));
    return lines[before]!;
  }

  it('names the operation and counts the statements it ran', async () => {
    const line = await post('query FindInfo { search(text: "信息") { id } }');
    expect(line).toMatchObject({ msg: 'graphql', operation: 'FindInfo', roundTrips: 1, status: 200 });
    expect(line.errors).toBeUndefined();
    // How much of its time the request waited for Neo4j: some, and never more than all of it.
    expect(line.dbMs).toBeGreaterThan(0);
    expect(line.dbMs).toBeLessThanOrEqual(line.ms + 0.1);
  });

  it('records the code a client mistake was answered with', async () => {
    const line = await post('query Empty { search(text: "  ") { id } }');
    expect(line).toMatchObject({ operation: 'Empty', roundTrips: 0, dbMs: 0, status: 400, errors: ['BAD_USER_INPUT'] });
  });
});
