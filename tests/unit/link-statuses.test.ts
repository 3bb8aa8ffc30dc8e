// The start-up backfill gives a link loaded without a status (before d09e7b1) the one the load
// gives it (src/load/link-keys.ts ownerLinkStatuses): the strength rule of src/model/codes.ts over
// the owner's links as the graph holds them, in no particular order, against the rule over the
// links in the order the load lists them (src/load/code-links.ts: DIRECT or NAMED, RECONCILED,
// then SPLIT parts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownerLinkStatuses } from '../../src/load/link-keys.js';
import { countedAmount, LINK_STATUS_NAMES, linkStatuses } from '../../src/model/codes.js';

const link = (id: string, method: string, code: string, partFen: bigint | null = null) => ({ id, method, code, partFen, status: null });
const plain = (rows: ReturnType<typeof ownerLinkStatuses>) =>
  Object.fromEntries(rows.map((r) => [r.id, { status: r.status, countedFen: r.countedFen === null ? null : BigInt(r.countedFen.toString()), rejectedBecause: r.rejectedBecause }]));

describe('a link status decided again from the stored links', () => {
  // As the load lists them: a NAMED link to X, RECONCILED to Y, the SPLIT part to Z; a second
  // project NAMED to X and RECONCILED to X (a supporting name).
  const cases = [
    [link('n', 'NAMED', '2010301'), link('r', 'RECONCILED', '2010302', 600n), link('s', 'SPLIT', '2010399', 400n)],
    [link('n', 'NAMED', '2010301'), link('r', 'RECONCILED', '2010301')],
    [link('d', 'DIRECT', '2050803')],
    [link('n', 'NAMED', '2010301'), link('s', 'SPLIT', '2010399', 400n)],
  ];
  for (const [k, loadOrder] of cases.entries()) {
    for (const actual of [false, true]) {
      it(`case ${k + 1}${actual ? ', final accounts' : ''}: every order gives the load's statuses, money and reasons`, () => {
        const owner = { investment: false, amountFen: 1000n, executedFen: 900n, completedInYearFen: null, actual };
        const statuses = linkStatuses(loadOrder, () => 0);
        const want = Object.fromEntries(loadOrder.map((l, i) => {
          const s = statuses[i]!;
          return [l.id, { status: s.status, countedFen: s.status === 'COUNTED' ? countedAmount({ partFen: l.partFen, amountFen: 1000n, executedFen: 900n }, actual) : null, rejectedBecause: s.status === 'REJECTED' ? s.reason : null }];
        }));
        for (const order of [loadOrder, [...loadOrder].reverse(), [...loadOrder.slice(1), ...loadOrder.slice(0, 1)]]) {
          expect(plain(ownerLinkStatuses(owner, order))).toEqual(want);
        }
      });
    }
  }

  it('an investment project\'s link is counted at its completed investment', () => {
    const rows = ownerLinkStatuses({ investment: true, amountFen: null, executedFen: null, completedInYearFen: 4428n, actual: true }, [link('i', 'RECONCILED', '2013799')]);
    expect(plain(rows)).toEqual({ i: { status: 'COUNTED', countedFen: 4428n, rejectedBecause: null } });
  });
});

// cypher/code-feeds-default-page.cypher's total is the code's links less those of every status but
// COUNTED, which it names by hand (a literal list keeps the relationship index's seek on status):
// a status added to src/model/codes.ts and not to that list would be counted in the total and
// listed on no page.
describe('the statuses code-feeds-default-page takes from its total', () => {
  it('are every status of the model but COUNTED', () => {
    const statement = readFileSync(new URL('../../cypher/code-feeds-default-page.cypher', import.meta.url), 'utf8');
    const lists = [...statement.matchAll(/r\.status IN \[([^\]]*)\]/g)].map((m) => (m[1] ?? '').split(',').map((s) => s.trim().replace(/^'|'$/g, '')).sort());
    expect(lists).toEqual([LINK_STATUS_NAMES.filter((s) => s !== 'COUNTED').sort()]);
    expect(statement).not.toMatch(/r\.status = '(?!COUNTED')/);
  });
});
