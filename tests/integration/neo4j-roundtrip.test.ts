import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { testDatabase, wipe } from './helpers.js';

describe('the real Neo4j started for this run', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
  });
  afterAll(async () => db?.close());

  it('is a Neo4j 5.26 server', async () => {
    const info = await db.driver.getServerInfo();
    expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
  });

  it('writes a node and reads it back with an exact 64-bit amount', async () => {
    const runner = new QueryRunner(db);
    // 44,972.11 万元 in fen does not fit a float's exact range once summed; it must survive as an Integer.
    const fen = neo4j.int('4497211000000');
    await runner.write('test-write-probe', { id: 'probe-1', amountFen: fen, name: '信息事务' });
    const res = await runner.read('test-read-probe', { id: 'probe-1' });
    expect(res.records).toHaveLength(1);
    expect(res.records[0]!.get('name')).toBe('信息事务');
    expect(res.records[0]!.get('amountFen').toString()).toBe('4497211000000');
    expect(runner.roundTrips).toBe(2);
  });
});
