// Questions whose statements read more of the graph as the corpus grows, where the answer does not
// (#41 item 3, bench/scale.ts at 1,000 and 10,000 generated documents): counted from PROFILE (db hits
// and rows per operator), never timed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { generateCorpus } from '../../bench/corpus/generate.js';
import { planWork, type PlanWork } from '../../bench/plan-work.js';
import { testDatabase, wipe } from './helpers.js';
import { BudgetGraphError } from '../../src/errors.js';

interface Sent {
  name: string;
  text: string;
  params: Record<string, unknown>;
}

describe('statements bounded by what they answer, not by the corpus', () => {
  let db: Database;
  let schema: GraphQLSchema;
  // The generated documents' folders, removed when the file ends (each run wrote one per test to /tmp).
  const folders: string[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'scale-work-'));
    folders.push(dir);
    return dir;
  };
  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
    schema = await buildApiSchema();
  });
  afterAll(async () => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
    // The next file finds the bundled documents alone, as before the generated ones came.
    if (db) {
      await wipe(db);
      await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
      await db.close();
    }
  });

  /** The statements a question runs, recorded from one in-process answer. */
  async function sent(query: string): Promise<Sent[]> {
    const ctx = createContext(db);
    const out: Sent[] = [];
    ctx.runner.observe = (name, text, params) => out.push({ name, text, params: params as Record<string, unknown> });
    const res = await graphql({ schema, source: query, contextValue: ctx });
    expect(res.errors).toBeUndefined();
    return out;
  }

  async function profile(s: Sent, params = s.params): Promise<PlanWork> {
    const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
    try {
      const res = await session.run(`PROFILE ${s.text}`, params);
      return planWork(res.summary.profile, s.name);
    } finally {
      await session.close();
    }
  }

  /** Rows of the operators that find budget lines in an index or by their label. */
  const linesSought = (w: PlanWork) => w.operators.filter((o) => /^Node(Index|ByLabel|Unique)/.test(o.operator) && /\bl:BudgetLine\b/.test(o.details)).reduce((n, o) => n + o.rows, 0);

  it('aggregate-printed reads the lines its cells\' documents print of the cell\'s code, not every document\'s or every line of each', async () => {
    // By code alone it read the code's lines in every document; by documentId alone (the plan the
    // planner took on 10,000 generated documents) every line of each: 541,104 lines for 13,336.
    const statements = await sent('{ aggregate(measure: TOTAL, groupBy: [FUNCTION_CLASS]) { cells { code printed } } }');
    const printed = statements.find((s) => s.name === 'aggregate-printed');
    expect(printed).toBeDefined();
    if (!printed) return;
    const cells = printed.params.cells as { code: string; documents: string[] }[];
    // A code printed by several documents, asked for one of them.
    const cell = cells.find((c) => c.documents.length > 1);
    expect(cell).toBeDefined();
    if (!cell) return;
    const [documentId] = cell.documents;
    const one = { ...cell, documents: [documentId] };
    const printedHere = await countLines(db, cell.code, documentId ?? '');
    expect(printedHere).toBeGreaterThan(0);
    expect(linesSought(await profile(printed, { ...printed.params, cells: [one] }))).toBe(printedHere);
    expect(linesSought(await profile(printed, { ...printed.params, cells: [{ ...cell, documents: [] }] }))).toBe(0);
  });

  it('money-trail reads the matching department\'s documents, not every document of the year', async () => {
    const question = '{ moneyTrail(department: "坪山区政务服务数据管理局", year: 2020) { projectMoney } }';
    const before = (await sent(question)).find((s) => s.name === 'money-trail');
    expect(before).toBeDefined();
    if (!before) return;
    const small = await profile(before);
    // Documents of other departments, in the same years (three departments, 2019-2021).
    const dir = folder();
    const files = generateCorpus(12).map((d) => {
      const path = join(dir, d.file);
      writeFileSync(path, d.text);
      return path;
    });
    await loadFiles(new QueryRunner(db), files);
    const large = await profile(before);
    // No operator reads Documents other than by their department's PUBLISHED links.
    const documentLookUps = large.operators.filter((o) => /^Node/.test(o.operator) && /:Document\b/.test(o.details)).map((o) => `${o.operator} ${o.details}`);
    expect(documentLookUps, documentLookUps.join('; ')).toEqual([]);
    // Three departments more cost their label scan and name tests (a few hits each), their twelve
    // documents nothing: the year's documents were each read, expanded to their publisher and tested.
    expect(large.dbHits - small.dbHits).toBeLessThanOrEqual(3 * 6);
  });

  it('money-trail finds its department through the matchText index, reading no other department', async () => {
    const trail = (await sent('{ moneyTrail(department: "坪山区政务服务数据管理局", year: 2020) { projectMoney } }')).find((s) => s.name === 'money-trail');
    expect(trail).toBeDefined();
    if (!trail) return;
    const work = await profile(trail);
    // The three name tests over a label scan read every department (1,667 on 10,000 documents).
    const departmentsRead = work.operators.filter((o) => /^(NodeByLabelScan|AllNodesScan|Node\w*Index\w*)/.test(o.operator) && /:Department\b/.test(o.details));
    expect(departmentsRead.map((o) => `${o.operator} ${o.details}: ${o.rows} rows`)).toEqual([expect.stringMatching(/^NodeIndexContainsScan .*: 1 rows$/)]);
  });

  it("money-trail of a name several departments answer to names a few of them and reads none of their lines or links", async () => {
    // 坪山 and 龙岗's 政务服务数据管理局 both published for 2020 (data/), and the generated departments
    // too: the client is told to give more of the name, which costs no department's trail.
    const ctx = createContext(db);
    const statements: Sent[] = [];
    ctx.runner.observe = (name, text, params) => statements.push({ name, text, params: params as Record<string, unknown> });
    const res = await graphql({ schema, source: '{ moneyTrail(department: "政务", year: 2020) { projectMoney } }', contextValue: ctx });
    const error = res.errors?.[0]?.originalError;
    expect(error).toBeInstanceOf(BudgetGraphError);
    expect(error instanceof BudgetGraphError && error.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/names \d+ departments with documents for 2020: .*深圳市坪山区政务服务数据管理局/);
    const trail = statements.find((s) => s.name === 'money-trail');
    expect(trail).toBeDefined();
    if (!trail) return;
    const work = await profile(trail);
    const factsRead = work.operators.filter((o) => /\b(l:BudgetLine|a:ProjectAllocation|ip:InvestmentProject)\b/.test(o.details)).reduce((n, o) => n + o.rows, 0);
    expect(factsRead).toBe(0);
  });

  it("codeFeeds' default-order page reads as much for a code of a hundred links as of a few, its total included", async () => {
    // Its total counted the code's COUNTED index entries, one db hit a link (10,297 of the page's
    // 15,437 at 10,000 generated documents); now the code node's count of its links.
    const dir = folder();
    const write = (n: number) =>
      generateCorpus(n).map((d) => {
        const path = join(dir, d.file);
        writeFileSync(path, d.text);
        return path;
      });
    const counts = async () => (await new QueryRunner(db).read('test-code-link-counts')).records.map((r) => ({ code: String(r.get('code')), counted: Number(r.get('counted')), relationships: Number(r.get('relationships')) }));
    // A hundred generated documents alone, loaded at once as a bench loads them (some take the
    // bundled documents' slots: department, year, kind): the code of the most counted links, its
    // node past the 50 relationships from which Neo4j keeps a node's counts by type and direction
    // (dense_node_threshold), as a large corpus's codes are.
    await wipe(db);
    await loadFiles(new QueryRunner(db), write(100));
    const top = (await counts())[0];
    expect(top).toBeDefined();
    if (!top) return;
    expect(top.relationships).toBeGreaterThanOrEqual(50);
    const question = `{ codeFeeds(code: "${top.code}", first: 5) { totalCount nodes { project { name } } pageInfo { hasNextPage } } }`;
    const page = (await sent(question)).find((s) => s.name === 'code-feeds-default-page');
    expect(page).toBeDefined();
    if (!page) return;
    const large = await profile(page);
    // The same code on a few generated documents: some links, its node below the threshold (its
    // links walked, not counted).
    await wipe(db);
    await loadFiles(new QueryRunner(db), write(8));
    const few = (await counts()).find((c) => c.code === top.code);
    expect(few?.counted).toBeGreaterThan(0);
    expect(few?.relationships).toBeLessThan(50);
    const small = await profile(page);
    const more = top.counted - (few?.counted ?? 0);
    expect(large.dbHits - small.dbHits, `${small.dbHits} -> ${large.dbHits} db hits for ${more} links more`).toBeLessThanOrEqual(10);
  });
});

/** Budget lines of a code in a document, counted through the document's lines as the API reads them. */
async function countLines(db: Database, code: string, documentId: string): Promise<number> {
  const res = await new QueryRunner(db).read('lines-by-document', { keys: [`${documentId}|FUNCTION`, `${documentId}|ECONOMIC`] });
  return res.records.filter((r) => (r.get('value') as { code?: string }).code === code).length;
}
