// Two processes loading at once, each a document that prints one project under a new name: the
// project's names (and its searchText, built from them) must hold both. cypher/load-allocations.cypher
// adds a name by reading p.names and writing the list with the name added, under read-committed
// isolation: safe only because the read is inside the SET's own expression (a direct dependency),
// for which Cypher takes the node's write lock before reading (Neo4j's "Lost updates": the second
// load waits for the first, then reads the list the first committed). A read of p.names in a WITH
// before the SET would be taken before the wait and lose the first name (checked: 4c9f39f's
// statement with the read moved into a WITH fails here, bench/results/2026-12-08-r10-scale.md).
// The two loads are driven step by step with two explicit transactions: the first writes its
// allocation and holds the project's lock; the second is started and seen blocked (SHOW
// TRANSACTIONS) before the first commits.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { cypher } from '../../src/db/cypher.js';
import { QueryRunner } from '../../src/db/run.js';
import { bundledGraph } from './helpers.js';

describe('two loads naming one project at once', () => {
  let db: Database;
  let runner: QueryRunner;
  bundledGraph((d, r) => {
    db = d;
    runner = r;
  });

  /** What load-allocations is sent for one document's one allocation of the project, printed under `name`. */
  const sent = (at: { projectId: string; projectUnitId: unknown; departmentId: string; documentId: string }, id: string, name: string) => ({
    docs: [{ documentId: at.documentId, departmentId: at.departmentId, rows: [{ values: { id }, projectId: at.projectId, projectUnitId: at.projectUnitId, unitId: null, name, project: {} }] }],
  });

  /** Transactions of the database waiting for a lock, as SHOW TRANSACTIONS lists them. */
  async function blocked(): Promise<number> {
    const session = db.driver.session({ database: db.database });
    try {
      const res = await session.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n");
      return Number(res.records[0]?.get('n') ?? 0);
    } finally {
      await session.close();
    }
  }

  it('keep both names: the second waits for the first\'s lock on the project, then reads the names it committed', async () => {
    const rec = (await runner.read('test-project-to-rename')).records[0];
    const at = { projectId: String(rec?.get('projectId')), projectUnitId: rec?.get('projectUnitId') ?? null, departmentId: String(rec?.get('departmentId')), documentId: String(rec?.get('documentId')) };
    const text = cypher('load-allocations');
    const first = db.driver.session({ database: db.database });
    const second = db.driver.session({ database: db.database });
    const tx1 = await first.beginTransaction();
    const tx2 = await second.beginTransaction();
    try {
      await tx1.run(text, sent(at, 'test-concurrent-1', 'first new name'));
      // The second load reaches the project while the first holds it: seen waiting before the first commits.
      const pending = tx2.run(text, sent(at, 'test-concurrent-2', 'second new name'));
      let seen = 0;
      for (let i = 0; i < 200 && seen === 0; i++) {
        seen = await blocked();
        if (seen === 0) await new Promise((r) => setTimeout(r, 25));
      }
      expect(seen).toBe(1);
      await tx1.commit();
      await pending;
      await tx2.commit();
    } finally {
      await first.close();
      await second.close();
    }
    const stored = (await runner.read('test-project-names', { id: at.projectId })).records[0];
    const before: unknown = rec?.get('names');
    expect(stored?.get('names')).toEqual([...(Array.isArray(before) ? before : []), 'first new name', 'second new name']);
    expect(stored?.get('searchText')).toMatch(/ first new name second new name$/);
  });
});
