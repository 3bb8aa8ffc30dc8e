// Shared by integration tests: a connection to the run's Neo4j and a clean slate.
import { neo4jSettings } from '../../src/config.js';
import { connect, type Database } from '../../src/db/connection.js';
import { applySchema } from '../../src/db/schema.js';
import { QueryRunner } from '../../src/db/run.js';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { listDocuments, loadFiles } from '../../src/load/directory.js';
import { afterAll, beforeAll } from 'vitest';

export async function testDatabase(): Promise<Database> {
  if (!process.env.NEO4J_URI) throw new Error('integration tests need the globalSetup Neo4j (NEO4J_URI unset)');
  const db = await connect({ ...neo4jSettings(), uri: process.env.NEO4J_URI });
  await applySchema(db);
  return db;
}

export async function wipe(db: Database): Promise<void> {
  await new QueryRunner(db).write('test-wipe');
}

/** A running API server over the five bundled documents, and a client for it. */
export interface ApiFixture {
  db: Database;
  server: RunningServer;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  /** POST /ingest with these bytes: `query` is the URL's query string (`?name=…&replace=true`). */
  ingest(query: string, body: Uint8Array | string, headers: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Nodes and relationships in the whole graph: what "the graph is unchanged" is measured by. */
  graphSize(): Promise<{ nodes: number; relationships: number }>;
  stop(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
  extensions?: { cypherRoundTrips?: number };
}

export async function startApi(token?: string): Promise<ApiFixture> {
  const db = await testDatabase();
  await wipe(db);
  await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
  const server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token });
  return {
    db,
    server,
    async gql(query, variables = {}, headers = {}) {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as GqlResponse<any>;
      return { ...body, status: res.status };
    },
    async ingest(query, body, headers) {
      const res = await fetch(`${new URL('/ingest', server.url).href}${query}`, { method: 'POST', headers, body });
      return { status: res.status, body: await res.json() };
    },
    async graphSize() {
      const session = db.driver.session();
      try {
        const r = await session.run('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships');
        return { nodes: r.records[0]!.get('nodes').toNumber(), relationships: r.records[0]!.get('relationships').toNumber() };
      } finally {
        await session.close();
      }
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * A describe's graph of the bundled documents (data/): the shared test database wiped and loaded
 * before its tests, and wiped and loaded again after them (a test may change what it holds), then
 * closed. `ready` receives the database and a runner once loaded; returns the files loaded.
 */
export function bundledGraph(ready: (db: Database, runner: QueryRunner) => void): string[] {
  const files = listDocuments(join(projectRoot, 'data'));
  let db: Database | undefined;
  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    const runner = new QueryRunner(db);
    await loadFiles(runner, files);
    ready(db, runner);
  });
  afterAll(async () => {
    if (db) {
      await wipe(db);
      await loadFiles(new QueryRunner(db), files);
      await db.close();
    }
  });
  return files;
}
