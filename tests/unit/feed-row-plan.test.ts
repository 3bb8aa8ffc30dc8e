// feedRowPlan: a projectsFeedingCode / codeFeeds row reads its support and alternatives (two
// pattern comprehensions and their evidence JSON a row) only when the query selects them.
import { describe, expect, it } from 'vitest';
import { feedRowPlan, WHOLE_FEED_ROW } from '../../src/query/feed-row-plan.js';
import type { FieldTree } from '../../src/query/projection.js';

type Shape = { [field: string]: true | Shape };
const tree = (shape: Shape): FieldTree => new Map(Object.entries(shape).map(([k, v]) => [k, v === true ? new Map() : tree(v)]));

describe('feedRowPlan', () => {
  it('leaves support and alternatives out when neither they nor methods are selected', () => {
    const plan = feedRowPlan(tree({ year: true, amount: true, method: true, evidence: { line: true }, project: { id: true, name: true } }));
    expect(plan).toEqual({ wholeDepartment: false, wholeUnit: false, wholeProject: false, withSupport: false, withAlternatives: false });
  });

  it('reads support for `support` or for `methods` (read off support), in a list or a connection', () => {
    expect(feedRowPlan(tree({ methods: true })).withSupport).toBe(true);
    expect(feedRowPlan(tree({ nodes: { support: { method: true } } })).withSupport).toBe(true);
    expect(feedRowPlan(tree({ edges: { node: { methods: true } } })).withSupport).toBe(true);
    expect(feedRowPlan(tree({ nodes: { methods: true } })).withAlternatives).toBe(false);
  });

  it('reads alternatives only for `alternatives`', () => {
    expect(feedRowPlan(tree({ edges: { node: { alternatives: { code: true } } } }))).toMatchObject({ withSupport: false, withAlternatives: true });
  });

  it('keeps the neighbours plan (a department read beyond its name comes whole)', () => {
    expect(feedRowPlan(tree({ nodes: { department: { aliases: true } } })).wholeDepartment).toBe(true);
  });

  it('reads every part for the node(id) refetch: each flag a selection can turn on, WHOLE_FEED_ROW has on', () => {
    // A flag added to the plan and forgotten here would leave the refetch short of that part.
    const flags = Object.keys(feedRowPlan(tree({})));
    expect(Object.keys(WHOLE_FEED_ROW).sort()).toEqual(flags.sort());
    for (const flag of flags) expect(WHOLE_FEED_ROW[flag as keyof typeof WHOLE_FEED_ROW], flag).toBe(true);
  });
});
