// Every statement of the catalogue compiles against the real Neo4j: EXPLAIN plans it without
// running it, so a misspelt property function, a bad include or a syntax error fails here and not
// when a user first asks the question that runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { cypher, cypherWithBound } from '../../src/db/cypher.js';
import { catalogue } from '../../scripts/statement-catalogue.js';
import { testDatabase } from './helpers.js';

describe('every statement in cypher/', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => db?.close());

  it('is planned by Neo4j (EXPLAIN) with each of its parameters given', async () => {
    const statements = catalogue().filter((e) => e.kind === 'statement');
    expect(statements.length).toBeGreaterThan(80);
    const failed: string[] = [];
    const session = db.driver.session({ database: db.database });
    try {
      for (const s of statements) {
        const text = s.name === 'paths' ? cypherWithBound(s.name, 'MAX_HOPS', 3) : cypher(s.name);
        try {
          await session.run(`EXPLAIN ${text}`, Object.fromEntries(s.params.map((p) => [p, null])));
        } catch (err) {
          failed.push(`${s.name}: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    } finally {
      await session.close();
    }
    expect(failed).toEqual([]);
  });
});
