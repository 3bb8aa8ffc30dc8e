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
