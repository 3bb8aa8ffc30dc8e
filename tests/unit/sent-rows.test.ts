// The rows of load-lines, load-allocations, load-listings and load-prose-amounts as sent (#41,
// src/load/sent-rows.ts): each node's values without nulls and without what the statement reads
// apart, so the statement sets exactly what the node stores and removes nothing. The node stores
// what it stored when the whole row was set and the keys read apart removed: the row's non-null
// values less those keys.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { cypher } from '../../src/db/cypher.js';
import { allocationSent, lineSent, listingSent, proseAmountSent } from '../../src/load/sent-rows.js';

const FILES = ['data/000_5c682a4da5e2a113.txt', 'data/001_958a9ca9db32ab73.txt', 'data/004_977ad1fe0b13bb92.txt'];
const plans = FILES.map((path) => {
  const text = readFileSync(path, 'utf8');
  return buildPlan(parseDocument(text, path.split('/').pop() ?? path), text);
});

/** What `SET n = row` then `REMOVE n.k …` stored: the row's non-null values less the keys removed. */
function storedBefore(row: object, removed: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k, v]) => v !== null && v !== undefined && !removed.includes(k)));
}

describe('load rows as sent', () => {
  it('set on each node what it stored before, with no null and nothing to remove, in fewer map entries', () => {
    let entriesBefore = 0;
    let entriesNow = 0;
    const check = (row: object, removed: readonly string[], values: Record<string, unknown>) => {
      expect(values).toEqual(storedBefore(row, removed));
      for (const v of Object.values(values)) expect(v).not.toBeNull();
      entriesBefore += Object.keys(row).length;
      entriesNow += Object.keys(values).length;
    };
    for (const plan of plans) {
      for (const row of plan.lines) check(row, ['label', 'unitId'], lineSent(row).values);
      for (const row of plan.allocations) check(row, ['unitId', 'projectId', 'projectUnitId'], allocationSent(row, {}).values);
      for (const row of plan.listings) check(row, ['allocationId'], listingSent(row).values);
      for (const row of plan.proseAmounts) check(row, ['restates', 'restatesKind', 'restateRule'], proseAmountSent(row).values);
    }
    expect(entriesNow).toBeLessThan(entriesBefore);
  });

  it('carry apart what the statements read: the code key, the unit, the project, the allocation, the fact restated', () => {
    for (const plan of plans) {
      for (const row of plan.lines) expect(lineSent(row)).toMatchObject({ codeKey: `${String(row.label)}:${String(row.code)}`, unitId: row.unitId });
      for (const row of plan.allocations) expect(allocationSent(row, { name: 'p' })).toMatchObject({ projectId: row.projectId, projectUnitId: row.projectUnitId, unitId: row.unitId, name: row.name, project: { name: 'p' } });
      for (const row of plan.listings) expect(listingSent(row)).toMatchObject({ allocationId: row.allocationId });
      for (const row of plan.proseAmounts) expect(proseAmountSent(row)).toMatchObject({ restates: row.restates, restatesKind: row.restatesKind, restateRule: row.restateRule });
    }
  });

  it('leave the four statements nothing to REMOVE', () => {
    for (const name of ['load-lines', 'load-allocations', 'load-listings', 'load-prose-amounts'] as const) expect(cypher(name)).not.toMatch(/\bREMOVE\b/);
  });
});
