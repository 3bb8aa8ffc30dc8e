// codeFeeds in its default order, one code, unfiltered, is read through the index
// booked_under_code_owner (cypher/code-feeds-default-page.cypher) where code-feeds-page sorts every
// link of the code: the same answer, byte for byte — rows, sort keys (so cursors), totalCount,
// hasPreviousPage and hasNextPage — for every way of asking a page, cursors of another code or
// forged ones included. Codes: the commonest, a rare one, one with SUPPORTING / REJECTED links too.
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
import { Repository, type PageArgs } from '../../src/query/repository.js';
import { codeFeedRow } from '../../src/query/rows.js';
import { WHOLE_FEED_ROW } from '../../src/query/feed-row-plan.js';
import { testDatabase, wipe } from './helpers.js';

const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
const page = (first: number | null, after: unknown[] | null, last: number | null = null, before: unknown[] | null = null): PageArgs => ({ first, last, after, before, withSortKeys: true });
const NO_ORDER = { keys: [], dirs: [] };

describe('codeFeeds default order through the index: code-feeds-page\'s answers', () => {
  let db: Database;
  let repo: Repository;
  let runner: QueryRunner;
  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    await loadFiles(new QueryRunner(db), listDocuments(join(projectRoot, 'data')));
    runner = new QueryRunner(db, 100_000);
    repo = new Repository(runner);
  });
  afterAll(async () => {
    if (db) await db.close();
  });

  const args = (code: string) => ({ code, department: null, years: null, includeDescendants: false });
  /** The page both ways: the index statement (as codeFeeds runs it) and code-feeds-page. */
  async function both(code: string, p: PageArgs): Promise<{ indexed: string; sorted: string; keys: unknown[][] }> {
    const names: string[] = [];
    runner.observe = (name) => names.push(name);
    const indexed = await repo.codeFeeds(args(code), NO_ORDER, p, WHOLE_FEED_ROW);
    runner.observe = null;
    expect(names).toEqual(['code-feeds-default-page']);
    const sorted = await repo.list('codeFeeds', null, NO_ORDER, p, codeFeedRow, { ...args(code), ...WHOLE_FEED_ROW });
    return { indexed: json(indexed), sorted: json(sorted), keys: sorted.keys ?? [] };
  }

  it('gives every page, flag and total code-feeds-page gives', async () => {
    const counts = (await runner.read('test-code-link-counts')).records.map((r) => ({ code: String(r.get('code')), counted: Number(r.get('counted')), other: Number(r.get('other')) }));
    const common = counts[0];
    const rare = counts.filter((c) => c.counted > 0).at(-1);
    const mixed = counts.find((c) => c.counted > 2 && c.other > 0);
    expect(common && rare && mixed).toBeTruthy();
    expect(common?.counted).toBeGreaterThan(10);
    const codes = [common?.code, rare?.code, mixed?.code, '9999999'].filter((c): c is string => c !== undefined);
    let compared = 0;
    for (const code of codes) {
      const all = await both(code, page(100, null));
      expect(all.indexed).toBe(all.sorted);
      const keys = all.keys;
      const asks: [string, PageArgs][] = [
        ['first 2', page(2, null)],
        ['first 0', page(0, null)],
        ['last 2', page(null, null, 2)],
        ['last 0', page(null, null, 0)],
        ['last 100', page(null, null, 100)],
        ['a cursor of another code', page(3, ['0', '0000000', 'DIRECT'])],
        ['a cursor of one value', page(3, [keys[0]?.[0] ?? 'x'])],
        ['an integer cursor, after', page(3, [neo4j.int(5)])],
        ['an integer cursor, before', page(null, null, 3, [neo4j.int(5)])],
        ['after every row', page(3, ['\u{10FFFF}'])],
        ['before every row', page(null, null, 3, [''])],
      ];
      const [first, mid, end] = [keys[0], keys[Math.floor(keys.length / 2)], keys.at(-1)];
      if (first && mid && end) {
        asks.push(
          ['after the middle', page(2, mid)],
          ['after the last', page(2, end)],
          ['after the first', page(2, first)],
          ['before the middle', page(null, null, 2, mid)],
          ['before the first', page(null, null, 2, first)],
          ['last 0 before the middle', page(null, null, 0, mid)],
          ['first 0 after the middle', page(0, mid)],
          ['between first and last', page(100, first, null, end)],
          ['last between first and last', page(null, first, 100, end)],
          ['after the last, before the first', page(2, end, null, first)],
          ['last after the last, before the first', page(null, end, 2, first)],
        );
      }
      // Every page of 2 forwards, then backwards, by the cursors the pages give.
      for (let after: unknown[] | null = null, n = 0; n < 60; n++) {
        const one = await both(code, page(2, after));
        expect(one.indexed, `${code} forwards after ${json(after)}`).toBe(one.sorted);
        compared++;
        if (one.keys.length === 0) break;
        after = one.keys.at(-1) ?? null;
      }
      for (let before: unknown[] | null = null, n = 0; n < 60; n++) {
        const one = await both(code, page(null, null, 2, before));
        expect(one.indexed, `${code} backwards before ${json(before)}`).toBe(one.sorted);
        compared++;
        if (one.keys.length === 0) break;
        before = one.keys[0] ?? null;
      }
      for (const [what, p] of asks) {
        const one = await both(code, p);
        expect(one.indexed, `${code}: ${what}`).toBe(one.sorted);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('gives code-feeds-page\'s pages and flags with two links of one sort key, or a link without a method', async () => {
    // Nothing in the load writes either (one counted link an owner and code; every link has a
    // method), but the page must not depend on it: its flags compared no row's key with another's
    // before (a duplicate last link, or a last link without a method, gave hasNextPage wrong).
    const code = String((await runner.read('test-code-link-counts')).records[0]?.get('code'));
    const keys = (await both(code, page(100, null))).keys;
    expect(keys.length).toBeGreaterThan(4);
    const owner = (k: unknown[] | undefined) => String(k?.[0]);
    /** Every page of 1, 2 and 3 both ways by the pages' own cursors, and the whole list. */
    async function comparePages(what: string): Promise<number> {
      let compared = 0;
      for (const size of [1, 2, 3]) {
        for (let after: unknown[] | null = null, n = 0; n < 40; n++) {
          const one = await both(code, page(size, after));
          expect(one.indexed, `${what}: first ${size} after ${json(after)}`).toBe(one.sorted);
          compared++;
          if (one.keys.length === 0) break;
          after = one.keys.at(-1) ?? null;
        }
        for (let before: unknown[] | null = null, n = 0; n < 40; n++) {
          const one = await both(code, page(null, null, size, before));
          expect(one.indexed, `${what}: last ${size} before ${json(before)}`).toBe(one.sorted);
          compared++;
          if (one.keys.length === 0) break;
          before = one.keys[0] ?? null;
        }
      }
      for (const p of [page(100, null), page(null, null, 100), page(keys.length - 1, null), page(null, null, keys.length - 1)]) {
        const one = await both(code, p);
        expect(one.indexed, `${what}: ${json(p)}`).toBe(one.sorted);
        compared++;
      }
      return compared;
    }
    // The first and the last link twice.
    const copies = [];
    for (const k of [keys[0], keys.at(-1)]) copies.push(String((await runner.write('test-link-duplicate', { code, ownerId: owner(k) })).records[0]?.get('id')));
    try {
      expect((await both(code, page(100, null))).keys.length).toBe(keys.length + 2);
      expect(await comparePages('duplicates')).toBeGreaterThan(10);
    } finally {
      for (const id of copies) await runner.write('test-link-delete', { id });
    }
    // The last link without a method (its row is left out of the page's items, as a link gone).
    const last = keys.at(-1);
    await runner.write('test-link-method', { code, ownerId: owner(last), method: null });
    try {
      expect(await comparePages('no method')).toBeGreaterThan(10);
    } finally {
      await runner.write('test-link-method', { code, ownerId: owner(last), method: last?.[2] });
    }
    expect((await both(code, page(100, null))).keys).toEqual(keys);
  });

  it('serves the default order of one code, all years; a year, a department, descendants or another order stay on code-feeds-page', async () => {
    const schema = await buildApiSchema();
    const statementOf = async (argsText: string) => {
      const ctx = createContext(db);
      const names: string[] = [];
      ctx.runner.observe = (name) => names.push(name);
      const res = await graphql({ schema, source: `{ codeFeeds(code: "2010301"${argsText}, first: 3) { totalCount } }`, contextValue: ctx });
      expect(res.errors).toBeUndefined();
      return names.filter((n) => n.startsWith('code-feeds'));
    };
    expect(await statementOf('')).toEqual(['code-feeds-default-page']);
    expect(await statementOf(', yearIn: [2020]')).toEqual(['code-feeds-page']);
    expect(await statementOf(', department: "政务"')).toEqual(['code-feeds-page']);
    expect(await statementOf(', includeDescendants: true')).toEqual(['code-feeds-page']);
    expect(await statementOf(', orderBy: [{ field: YEAR, direction: ASC }]')).toEqual(['code-feeds-page']);
  });
});
