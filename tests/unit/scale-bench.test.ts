// bench/scale.ts's readings: how much an answer holds, what a PROFILE says a statement cost, and
// what a failed request said (an error in a table is explained, not only counted).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ProfiledPlan } from 'neo4j-driver';
import { httpTask } from '../../bench/load-generator.js';
import { answerShape } from '../../bench/queries.js';
import { planWork } from '../../bench/plan-work.js';

const op = (operatorType: string, dbHits: number, rows: number, children: ProfiledPlan[] = [], details = ''): ProfiledPlan =>
  ({ operatorType, dbHits, rows, children, arguments: { Details: details }, identifiers: [], pageCacheHits: 0, pageCacheMisses: 0, pageCacheHitRatio: 0, time: 0, hasPageCacheStats: () => false }) as unknown as ProfiledPlan;

describe('bench/scale.ts readings', () => {
  it('counts the objects of an answer\'s lists at every depth, and its first totalCount', () => {
    expect(answerShape({ codeFeeds: { totalCount: 1064, nodes: [{ project: { id: 'a' }, evidence: [{ line: 1 }, { line: 2 }] }, { project: null, evidence: [] }] } })).toEqual({ items: 4, totalCount: 1064 });
    expect(answerShape({ lineage: { steps: [] } })).toEqual({ items: 0, totalCount: null });
  });

  it('sums a plan\'s db hits over every operator and names those doing most of it', () => {
    const plan = op('ProduceResults@neo4j', 0, 8, [op('Filter@neo4j', 600, 13, [op('NodeIndexSeek@neo4j', 554, 541, [], 'RANGE INDEX l:BudgetLine(documentId)')]), op('Argument@neo4j', 0, 1)]);
    const work = planWork(plan, 'aggregate-printed', 2);
    expect(work.dbHits).toBe(1154);
    expect(work.maxRows).toBe(541);
    expect(work.top.map((o) => `${o.operator} ${o.dbHits} ${o.rows}`)).toEqual(['Filter 600 13', 'NodeIndexSeek 554 541']);
    expect(work.operators).toHaveLength(4);
    expect(work.operators[2]?.details).toBe('RANGE INDEX l:BudgetLine(documentId)');
    expect(() => planWork(false, 'x')).toThrow(/no profile/);
  });

  it('hands what a failed request said to its listener: the status and the start of its errors', async () => {
    const answers = ['{"data":{"ok":true}}', '{"errors":[{"message":"The database took too long","extensions":{"code":"TIMEOUT"}}],"data":null}'];
    let asked = 0;
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(answers[asked++ % 2]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const heard: string[] = [];
    try {
      const { port } = server.address() as AddressInfo;
      const task = httpTask(`http://127.0.0.1:${port}/graphql`, '{"query":"{ ok }"}', undefined, (what) => heard.push(what));
      expect(await task()).toBe(true);
      expect(await task()).toBe(false);
    } finally {
      server.close();
    }
    expect(heard).toEqual(['HTTP 200: "errors":[{"message":"The database took too long","extensions":{"code":"TIMEOUT"}}],"data":null}']);
  });
});
