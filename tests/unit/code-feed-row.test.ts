// codeFeedRow parses each evidence JSON once: when the row carries its support, the first entry
// is the counted link itself (cypher/code-feed-row.cypher), whose evidence is the row's evidence.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeFeedRow } from '../../src/query/rows.js';

const evidence = [JSON.stringify({ file: '001_x.txt', table: '项目支出表', line: 12, text: '2010504 信息事务 12.00' })];
const row = (support: unknown[]) => ({
  year: 2024, documentId: '001_x', departmentId: 'd', unitId: null, projectId: 'd|p', allocationId: '001_x|p',
  amountFen: 1200n, code: '2010504', method: 'DIRECT', note: null, evidence,
  support, alternatives: [], department: { id: 'd', name: '某局' }, unit: null, projectNode: null, investment: null,
});

afterEach(() => vi.restoreAllMocks());

describe('codeFeedRow', () => {
  it('parses the counted link’s evidence once when its support is read', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const feed = codeFeedRow(row([{ method: 'DIRECT', note: null, evidence }]));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(feed.evidence).toEqual([{ documentId: '001_x', table: '项目支出表', line: 12, text: '2010504 信息事务 12.00' }]);
    expect(feed.support[0]!.evidence).toEqual(feed.evidence);
    expect(feed.methods).toEqual(['DIRECT']);
  });

  it('parses it from the row when support is not read', () => {
    const feed = codeFeedRow(row([]));
    expect(feed.evidence.map((s) => s.line)).toEqual([12]);
    expect(feed.support).toEqual([]);
  });
});
