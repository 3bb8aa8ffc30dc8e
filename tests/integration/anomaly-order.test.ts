// Sorting anomalies by severity is by how much they matter, least first (INFO, WARNING, ERROR),
// not by the words' alphabetical order (which put ERROR before INFO). Given the bundled documents
// (INFO and WARNING anomalies) and a table whose 元 figures are read as the document's 万元 (an
// ERROR: 10,000× its own prose; tests/fixtures/table-without-unit-line.txt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { QueryRunner } from '../../src/db/run.js';
import { loadDocument } from '../../src/load/loader.js';
import { startApi, type ApiFixture } from './helpers.js';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi();
  await loadDocument(new QueryRunner(api.db), 'no-unit.txt', readFileSync('tests/fixtures/table-without-unit-line.txt', 'utf8'));
}, 180_000);
afterAll(async () => api?.stop());

describe('anomalies(orderBy: SEVERITY)', () => {
  it('puts the ERROR last ascending and first descending, WARNING between INFO and ERROR', async () => {
    const order = async (direction: string) => {
      const res = await api.gql(`query($d: SortDirection!) { anomalies(first: 100, orderBy: [{field: SEVERITY, direction: $d}]) { nodes { severity } } }`, { d: direction });
      expect(res.errors).toBeUndefined();
      return res.data.anomalies.nodes.map((n: { severity: string }) => n.severity) as string[];
    };
    const asc = await order('ASC');
    expect(new Set(asc)).toEqual(new Set(['INFO', 'WARNING', 'ERROR']));
    const rank = { INFO: 0, WARNING: 1, ERROR: 2 } as Record<string, number>;
    expect(asc.map((s) => rank[s])).toEqual([...asc.map((s) => rank[s]!)].sort((a, b) => a - b));
    expect(asc.at(-1)).toBe('ERROR');
    expect((await order('DESC'))[0]).toBe('ERROR');
  });
});
