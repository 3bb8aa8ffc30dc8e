// Applying the schema over what an earlier start left half built (issue #36 item 1). A JVM killed
// while a constraint was being created left its index, named like the constraint and owned by
// nothing, POPULATING for good; every later load and start then failed on "There already exists
// an index called 'investment_id'" and exited 1 until someone dropped it by hand. The load whose
// JVM was killed also exited at once instead of waiting out the restart. Its own embedded Neo4j
// (not the suite's): these tests blank its schema and kill its JVM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neo4jSettings } from '../../src/config.js';
import { connect, type Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { applySchema, declaredSchema } from '../../src/db/schema.js';

const root = mkdtempSync(join(tmpdir(), 'budget-graph-schema-'));
let db: Database;
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

beforeAll(async () => {
  db = await connect({ ...neo4jSettings(), uri: undefined, dataDir: join(root, 'neo4j'), boltPort: undefined, heapMb: 512, pageCacheMb: 64 }, { log: () => undefined });
});
afterAll(async () => {
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Runs literal Cypher: the odd states below are written by hand, as nothing in cypher/ makes them. */
async function cypherText(text: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const session = db.driver.session({ database: db.database });
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** An empty store's schema: every constraint and index gone but Neo4j's own two lookup indexes. */
async function blank(): Promise<void> {
  for (const c of await cypherText('SHOW CONSTRAINTS YIELD name')) await cypherText('DROP CONSTRAINT $name', { name: c.name });
  for (const i of await cypherText("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")) await cypherText('DROP INDEX $name', { name: i.name });
  await new QueryRunner(db).write('test-wipe');
}

/** Exactly what cypher/schema.cypher declares, as Neo4j reports it, every index ONLINE. */
async function expectDeclared(context = ''): Promise<void> {
  const declared = declaredSchema();
  const constraints = await cypherText('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties');
  const indexes = await cypherText("SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, owningConstraint, options WHERE type <> 'LOOKUP'");
  const names = (xs: Record<string, any>[]) => xs.map((x) => String(x.name)).sort();
  expect(names(constraints), context).toEqual(names(declared.filter((r) => r.kind === 'constraint')));
  expect(names(indexes), context).toEqual(names(declared));
  for (const rule of declared) {
    const index = indexes.find((i) => i.name === rule.name)!;
    expect({ name: index.name, state: index.state, labels: [...index.labelsOrTypes].sort(), properties: index.properties }, context).toEqual({ name: rule.name, state: 'ONLINE', labels: [...rule.labels].sort(), properties: rule.properties });
    if (rule.kind === 'constraint') {
      expect(index.owningConstraint, context).toBe(rule.name);
      expect(constraints.find((c) => c.name === rule.name)!.properties).toEqual(rule.properties);
    } else {
      expect({ name: rule.name, type: index.type, owner: index.owningConstraint }).toEqual({ name: rule.name, type: rule.type, owner: null });
    }
  }
  expect(indexes.find((i) => i.name === 'search_names')!.options.indexConfig['fulltext.analyzer']).toBe('cjk');
}

describe('a half-built schema', () => {
  it('is repaired to exactly the declared constraints and indexes, with no hand work', async () => {
    await blank();
    // What a killed constraint creation leaves: its index by its name, no constraint.
    await cypherText('CREATE INDEX investment_id FOR (i:InvestmentProject) ON (i.id)');
    // A FAILED index: populated over a value too large to index, then the value is gone.
    await cypherText("CREATE (:Payment {documentId: reduce(s = '', i IN range(1, 5000) | s + 'abcdefgh')})");
    await cypherText('CREATE INDEX payment_document FOR (p:Payment) ON (p.documentId)');
    for (let i = 0; i < 100 && (await cypherText("SHOW INDEXES YIELD name, state WHERE name = 'payment_document'"))[0]!.state !== 'FAILED'; i++) await pause(100);
    expect((await cypherText("SHOW INDEXES YIELD name, state WHERE name = 'payment_document'"))[0]!.state).toBe('FAILED');
    await new QueryRunner(db).write('test-wipe');
    // Ours, defined otherwise: IF NOT EXISTS would keep each of them as it is.
    await cypherText('CREATE INDEX allocation_document FOR (a:ProjectAllocation) ON (a.name)');
    // Retired (RETIRED_SCHEMA): a graph built before holds it.
    await cypherText('CREATE INDEX document_year FOR (d:Document) ON (d.year)');
    await cypherText('CREATE FULLTEXT INDEX search_names FOR (n:Document) ON EACH [n.name]');
    await cypherText('CREATE CONSTRAINT code_key FOR (c:Code) REQUIRE c.id IS UNIQUE');
    await cypherText('CREATE CONSTRAINT investment_code FOR (i:InvestmentProject) REQUIRE i.code IS UNIQUE');
    // Not ours, but holding the schema of budget_line_document: IF NOT EXISTS would skip ours.
    await cypherText('CREATE INDEX someone_elses FOR (l:BudgetLine) ON (l.documentId)');

    const lines: string[] = [];
    await applySchema(db, { log: (m) => lines.push(m) });
    await expectDeclared(lines.join('\n'));
    const dropped = (name: string) => lines.some((l) => l.startsWith(`schema: dropping `) && l.includes(` ${name}:`));
    expect(['investment_id', 'payment_document', 'allocation_document', 'document_year', 'search_names', 'code_key', 'investment_code', 'someone_elses'].filter((n) => !dropped(n)), lines.join('\n')).toEqual([]);
    // Nothing left to repair: a second apply drops nothing.
    lines.length = 0;
    await applySchema(db, { log: (m) => lines.push(m) });
    expect(lines).toEqual([]);
  }, 120_000);

  it('is built by two processes applying it at once on an empty store, both succeeding', async () => {
    // A second process: its own driver and sessions, so each sees the other only through Neo4j.
    const other = await connect({ ...neo4jSettings(), uri: db.embedded!.uri, user: db.embedded!.user, password: db.embedded!.password });
    try {
      for (let round = 0; round < 2; round++) {
        await blank();
        const lines: string[] = [];
        const results = await Promise.allSettled([applySchema(db, { log: (m) => lines.push(m) }), applySchema(other, { log: (m) => lines.push(m) })]);
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
        await expectDeclared(lines.join('\n'));
      }
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe('a JVM killed while the schema is being created', () => {
  /**
   * Blanks the schema, starts applySchema and kills the JVM as soon as `now` (polled) says so, then
   * expects the apply to have waited out the restart and built the declared schema. Returns the
   * apply's log. A moment missed (the apply was done first, no kill) is tried again on a blank
   * schema, up to three times.
   */
  async function killWhen(now: (indexes: Record<string, any>[]) => boolean): Promise<string[]> {
    for (let attempt = 1; ; attempt++) {
      await blank();
      const lines: string[] = [];
      const restarts = db.restarts();
      const pid = db.embedded!.pid!;
      const started = Date.now();
      let over = false;
      const applying = applySchema(db, { log: (m) => lines.push(`${Date.now() - started} ms ${m}`) }).finally(() => (over = true));
      let killed = false;
      while (!over && !killed) {
        if (now(await cypherText("SHOW INDEXES YIELD name, state, owningConstraint, type WHERE type <> 'LOOKUP'"))) {
          process.kill(pid, 'SIGKILL');
          killed = true;
        } else await pause(5);
      }
      await applying;
      if (!killed && attempt < 3) continue;
      expect(killed, 'the kill never came while the schema was being created').toBe(true);
      // The apply waited out the restart (the supervisor started the JVM again on the same store).
      expect(db.restarts(), lines.join('\n')).toBe(restarts + 1);
      await expectDeclared(lines.join('\n'));
      return lines;
    }
  }

  it('is applied once the JVM is back, with no hand work (killed half-way through the file)', async () => {
    const half = Math.floor(declaredSchema().length / 2);
    await killWhen((indexes) => indexes.length >= half);
  }, 180_000);

  it('repairs the constraint index the kill left half built, as a later load or start would find it', async () => {
    const constraints = new Set(declaredSchema().filter((r) => r.kind === 'constraint').map((r) => r.name));
    // Killed while a constraint's index is POPULATING and no constraint owns it yet: on an empty
    // store a short moment (the first lasts about a second).
    // The constraint's own transaction may still commit between the look and the kill (then there
    // is nothing to repair, and the schema is as declared all the same): the kill is tried again,
    // up to six times, until it leaves the half-built state the repair is for. Three were not
    // always enough in the full suite (07c682c: all three kills came after the commit on a loaded
    // machine); a kill takes ~20 s, so six stay well inside the time limit.
    let caught: string | undefined;
    let lines: string[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      lines = await killWhen((indexes) => {
        caught = indexes.find((i) => constraints.has(i.name) && i.state === 'POPULATING' && i.owningConstraint === null)?.name;
        return caught !== undefined;
      });
      if (lines.some((l) => l.includes(`schema: dropping index ${caught}:`))) break;
    }
    expect(
      lines.some((l) => l.includes(`schema: dropping index ${caught}:`) && l.includes('no constraint owns it')),
      lines.join('\n'),
    ).toBe(true);
  }, 900_000);
});
