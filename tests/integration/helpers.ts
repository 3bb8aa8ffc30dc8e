// Shared by integration tests: a connection to the run's Neo4j and a clean slate.
import { neo4jSettings } from '../../src/config.js';
import { connect, type Database } from '../../src/db/connection.js';
import { applySchema } from '../../src/db/schema.js';
import { QueryRunner } from '../../src/db/run.js';

export async function testDatabase(): Promise<Database> {
  if (!process.env.NEO4J_URI) throw new Error('integration tests need the globalSetup Neo4j (NEO4J_URI unset)');
  const db = await connect({ ...neo4jSettings(), uri: process.env.NEO4J_URI });
  await applySchema(db);
  return db;
}

export async function wipe(db: Database): Promise<void> {
  await new QueryRunner(db).write('test-wipe');
}
