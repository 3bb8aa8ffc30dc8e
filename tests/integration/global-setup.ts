// Starts ONE real Neo4j for the whole integration run (free port, temp data dir), unless
// NEO4J_URI points at one already. Test files reach it through process.env.NEO4J_URI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neo4jSettings } from '../../src/config.js';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j.js';

let embedded: EmbeddedNeo4j | undefined;
let dataRoot: string | undefined;

export async function setup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  dataRoot = mkdtempSync(join(tmpdir(), 'budget-graph-it-'));
  const settings = { ...neo4jSettings(), dataDir: join(dataRoot, 'neo4j'), boltPort: await freePort(), heapMb: 768, pageCacheMb: 256 };
  embedded = await startEmbeddedNeo4j(settings);
  process.env.NEO4J_URI = embedded.uri;
  process.env.NEO4J_USER = embedded.user;
  process.env.NEO4J_PASSWORD = embedded.password;
  process.env.BUDGET_GRAPH_TEST_EMBEDDED = '1';
  // The run's graph keeps its PDFs' originals beside it (src/load/originals.ts), not in the project's .data.
  process.env.NEO4J_DATA_DIR = settings.dataDir;
  console.error(`integration: Neo4j ${embedded.uri} ready in ${embedded.startMs} ms (data ${settings.dataDir})`);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
}
