// Given a graph just filled by a folder load, its questions are planned on what the indexes now
// hold (src/load/index-statistics.ts): codeFeeds' default page seeks its code in the BOOKED_UNDER
// index. Without the resample at the load's end the index keeps the sample of the empty graph it
// was created on, and the planner reads it whole (DirectedRelationshipIndexScan: measured on the
// bundled documents, every link of every code read for a page of five).
import { join } from 'node:path';
import { graphql } from 'graphql';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { createContext } from '../../src/api/context.js';
import { listDocuments, loadFiles } from '../../src/load/directory.js';
import { planWork } from '../../bench/plan-work.js';
import { testDatabase, wipe } from './helpers.js';

describe('index statistics after a folder load', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
  });
  afterAll(async () => {
    await db?.close();
  });

  it("codeFeeds' default page seeks its code in the link index, not the whole index", async () => {
    const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
    try {
      // The code with the most counted links of the bundled documents.
      const top = (await session.run("MATCH ()-[r:BOOKED_UNDER {status: 'COUNTED'}]->() RETURN r.code AS code, count(*) AS n ORDER BY n DESC, code LIMIT 1")).records[0];
      expect(top).toBeDefined();
      const code = String(top?.get('code'));
      const ctx = createContext(db);
      const sent: { name: string; text: string; params: Record<string, unknown> }[] = [];
      ctx.runner.observe = (name, text, params) => sent.push({ name, text, params: params as Record<string, unknown> });
      const res = await graphql({ schema: await buildApiSchema(), source: `{ codeFeeds(code: "${code}", first: 5) { totalCount } }`, contextValue: ctx });
      expect(res.errors).toBeUndefined();
      const page = sent.find((s) => s.name === 'code-feeds-default-page');
      expect(page).toBeDefined();
      if (!page) return;
      // A text of its own (a comment): planned now, on the statistics as they are after the load.
      const profiled = await session.run(`PROFILE // index-statistics.test\n${page.text}`, page.params);
      const operators = planWork(profiled.summary.profile, page.name).operators.map((o) => o.operator);
      expect(operators.filter((o) => /RelationshipIndexScan/.test(o))).toEqual([]);
      expect(operators.some((o) => /RelationshipIndexSeek/.test(o))).toBe(true);
    } finally {
      await session.close();
    }
  });
});
