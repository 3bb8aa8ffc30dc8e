// The middle of the pipeline, without a database: the subset-sum search behind RECONCILED links
// (checked against brute force on seeded random inputs) and the answer cache's key.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subsetsSumming } from '../../src/load/code-links.js';
import { cacheKey } from '../../src/api/response-cache.js';

/** A small deterministic generator (mulberry32): the same cases on every run and machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bruteForce(values: bigint[], target: bigint): string[] {
  const out: string[] = [];
  for (let mask = 1; mask < 1 << values.length; mask++) {
    let sum = 0n;
    const picked: number[] = [];
    values.forEach((v, i) => {
      if (mask & (1 << i)) {
        sum += v;
        picked.push(i);
      }
    });
    if (sum === target) out.push(picked.join(','));
  }
  return out.sort();
}

describe('subsetsSumming (which projects add up to a code line, to the fen)', () => {
  it('finds exactly the index sets brute force finds, on 300 seeded random cases', () => {
    const next = random(20261125);
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(next() * 11);
      // Positive amounts in fen (the caller pools only projects with money), with repeats so that
      // several subsets often tie.
      const values = Array.from({ length: n }, () => BigInt((1 + Math.floor(next() * 8)) * 125_000 + (next() < 0.3 ? 0 : Math.floor(next() * 3) * 100)));
      const pick = values.filter(() => next() < 0.5);
      const target = next() < 0.8 ? pick.reduce((a, b) => a + b, 0n) : BigInt(Math.floor(next() * 4_000_000));
      if (target === 0n) continue;
      const found = subsetsSumming(values, target, 10_000).map((s) => s.join(',')).sort();
      expect(found, `values ${values.join(' ')} target ${target}`).toEqual(bruteForce(values, target));
    }
  });

  it('stops at the limit it is given (a line many sets explain is not proven by any of them)', () => {
    const values = Array.from({ length: 12 }, () => 100n);
    expect(subsetsSumming(values, 300n, 2)).toHaveLength(2);
    expect(subsetsSumming(values, 300n, 1_000)).toHaveLength(220); // C(12, 3)
  });

  it('finds nothing when the amounts cannot reach the target', () => {
    expect(subsetsSumming([1_000n, 2_000n], 4_000n, 10)).toEqual([]);
    expect(subsetsSumming([], 1n, 10)).toEqual([]);
  });
});

describe('the answer cache key', () => {
  const key = (q: string, vars?: Record<string, unknown>, op?: string) => cacheKey(parse(q), op, vars);

  it('is the same for the same question however it is spaced or commented', () => {
    expect(key('{ projects(first: 10) { totalCount } }')).toBe(key('# top\n{\n  projects(first:10){totalCount}\n}'));
  });

  it('differs by variables and by operation name', () => {
    const q = 'query A($c: String!) { classificationCode(code: $c) { name } } query B { documents { totalCount } }';
    expect(key(q, { c: '201' }, 'A')).not.toBe(key(q, { c: '2010504' }, 'A'));
    expect(key(q, {}, 'A')).not.toBe(key(q, {}, 'B'));
  });

  it('is null (never cached) for mutations and for health', () => {
    expect(key('mutation { removeDocument(name: "x") }')).toBeNull();
    expect(key('{ health { status } }')).toBeNull();
    expect(key('{ documents { totalCount } health { status } }')).toBeNull();
  });
});

describe('SAME_AS: probable identity by one name containing the other (src/load/same-as.ts)', () => {
  it('given 政务信息化 in this document and 政务信息化建设 already in the department, one link ordered by id with the length ratio', async () => {
    const { sameAsLinks } = await import('../../src/load/same-as.js');
    const mine = [{ id: '局||政务信息化', normName: '政务信息化' }];
    const all = [...mine, { id: '局||政务信息化建设', normName: '政务信息化建设' }, { id: '局||办公', normName: '办公' }];
    expect(sameAsLinks(mine, all)).toEqual([
      { from: '局||政务信息化', to: '局||政务信息化建设', rule: 'NAME_CONTAINS', score: 0.71, note: '"政务信息化" and "政务信息化建设": one name contains the other' },
    ]);
  });

  it('links nothing for names under four characters, for names that merely overlap, or below a ratio of 0.4', async () => {
    const { sameAsLinks } = await import('../../src/load/same-as.js');
    const p = (n: string) => ({ id: `局||${n}`, normName: n });
    expect(sameAsLinks([p('信息化')], [p('信息化'), p('政务信息化')])).toEqual([]);
    expect(sameAsLinks([p('政务信息化')], [p('政务信息化'), p('信息化政务')])).toEqual([]);
    expect(sameAsLinks([p('数据中心')], [p('数据中心'), p('全区数据中心机房改造及运维服务')])).toEqual([]);
    // Both of a pair in this document: one link, not two.
    expect(sameAsLinks([p('数据中心'), p('数据中心运维')], [p('数据中心'), p('数据中心运维')])).toHaveLength(1);
  });

  it('never links two units\' projects of one name (two projects); links a department-wide one to a unit\'s of its name, saying it is by name only', async () => {
    const { sameAsLinks } = await import('../../src/load/same-as.js');
    // 000 lines 513 and 523: 其他一般管理事务 under 本级 (2,303) and under 大数据中心 (88).
    const own = { id: '局|本级|其他一般管理事务', normName: '其他一般管理事务' };
    const centre = { id: '局|大数据中心|其他一般管理事务', normName: '其他一般管理事务' };
    expect(sameAsLinks([own, centre], [own, centre])).toEqual([]);
    expect(sameAsLinks([{ id: '局|本级|政务信息化', normName: '政务信息化' }], [{ id: '局|中心|政务信息化建设', normName: '政务信息化建设' }])).toEqual([]);
    const wide = { id: '局||其他一般管理事务', normName: '其他一般管理事务' };
    const links = sameAsLinks([wide], [wide, own, centre]);
    expect(links.map((l) => [l.from, l.to, l.rule, l.score])).toEqual([
      ['局||其他一般管理事务', '局|本级|其他一般管理事务', 'SAME_NAME_NO_UNIT', 1],
      ['局||其他一般管理事务', '局|大数据中心|其他一般管理事务', 'SAME_NAME_NO_UNIT', 1],
    ]);
    expect(links[1]!.note).toContain('the same project only by name');
  });

  it('rounds the score half up at two decimals, as Cypher round(x, 2) did', async () => {
    const { roundHalfUp } = await import('../../src/load/same-as.js');
    expect([1 / 8, 3 / 8, 5 / 8, 4 / 7, 2 / 3, 0.5].map((x) => roundHalfUp(x, 2))).toEqual([0.13, 0.38, 0.63, 0.57, 0.67, 0.5]);
  });
});
