// For each documented query (docs/queries.md), the Cypher statements it runs and with what
// parameters, snapshotted in docs/queries/statements.json (in the spirit of @neo4j/graphql's TCK
// tests). A change that makes a documented question run more, fewer or other statements shows in
// review as a diff of that file; `WRITE_STATEMENTS=1 npx vitest run
// tests/integration/query-statements.test.ts` rewrites it after a deliberate change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { createContext } from '../../src/api/context.js';
import { listDocuments, loadFiles } from '../../src/load/directory.js';
import { testDatabase, wipe } from './helpers.js';

interface Example {
  title: string;
  query: string;
}

/** Parameters as plain JSON: Integers as numbers, so the snapshot reads like the request. */
function plainParams(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plainParams);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainParams(v)]));
  return value;
}

describe('the statements each documented query runs', () => {
  let db: Database;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
    schema = await buildApiSchema();
  });
  afterAll(async () => db?.close());

  it('are those in docs/queries/statements.json', async () => {
    const examples = JSON.parse(readFileSync(join(projectRoot, 'docs', 'queries', 'queries.json'), 'utf8')) as Example[];
    expect(examples.length).toBeGreaterThan(10);
    const snapshot: Record<string, string[]> = {};
    for (const example of examples) {
      const ctx = createContext(db);
      const ran: string[] = [];
      ctx.runner.observe = (name, _text, params) => ran.push(`${name} ${JSON.stringify(plainParams(params))}`);
      const res = await graphql({ schema, source: example.query, contextValue: ctx });
      expect(res.errors, example.title).toBeUndefined();
      // DataLoader batches of one tick may be sent in either order: the set is what is compared.
      snapshot[example.title] = ran.sort();
    }
    const printed = `${JSON.stringify(snapshot, null, 2)}\n`;
    const file = join(projectRoot, 'docs', 'queries', 'statements.json');
    if (process.env.WRITE_STATEMENTS) writeFileSync(file, printed);
    expect(printed).toBe(readFileSync(file, 'utf8'));
  });
});
