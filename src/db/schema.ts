// Applies cypher/schema.cypher: constraints, indexes and the full-text search index.
import type { Database } from './connection.js';
import { cypher, cypherStatements } from './cypher.js';

export async function applySchema(db: Database): Promise<number> {
  const statements = cypherStatements('schema');
  const session = db.driver.session({ database: db.database });
  try {
    for (const statement of statements) await session.run(statement);
    await session.run(cypher('await-indexes'));
  } finally {
    await session.close();
  }
  return statements.length;
}
