// Query limits: depth and cost are computed per fragment once, so hostile shapes cost linear time
// to check; introspection is bounded by its own shape; per-client limits admit and release.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { getIntrospectionQuery, parse, validate, specifiedRules } from 'graphql';
import { buildApiSchema } from '../../src/api/schema.js';
import { LIMITS, operationCost, validationRules } from '../../src/api/limits.js';
import { ClientLimiter } from '../../src/api/http/client-limits.js';
import { cacheKey } from '../../src/api/response-cache.js';
import { formatError, INTERNAL_MESSAGE } from '../../src/api/format-error.js';
import { BudgetGraphError } from '../../src/errors.js';
import { GraphQLError } from 'graphql';

const schema = await buildApiSchema();
const check = (query: string) => validate(schema, parse(query), [...specifiedRules, ...validationRules()]).map((e) => e.extensions);

describe('validation limits', () => {
  it('given a fragment chain that doubles at each of 24 levels, the check is instant and the cost is the expanded size', () => {
    let q = 'query { health { ...G0 } }\n';
    for (let i = 0; i < 24; i++) q += `fragment G${i} on Health { ok ...G${i + 1} ...G${i + 1} }\n`;
    q += 'fragment G24 on Health { ok }\n';
    expect(check(q)).toEqual([]);
    expect(operationCost(schema, parse(q), null, {})).toBeGreaterThan(2 ** 24);
  });

  it('counts depth through fragments, and reports it with the limit', () => {
    const deep = `{ documents { nodes { ...D } } } fragment D on Document { department { documents { nodes { department { documents { nodes { department { documents { nodes { department { id } } } } } } } } } } }`;
    expect(check(deep)).toContainEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' }));
  });

  it('refuses more than 30 aliases and more than 20 directives', () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `h${i}: health { ok }`).join(' ')} }`;
    expect(check(aliases)).toContainEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' }));
    const directives = `{ health { ok ${'@include(if: true) '.repeat(21)} } }`;
    expect(check(directives)).toContainEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'directives' }));
  });

  it('lets the standard introspection query through, and refuses introspection nested beyond any real type', () => {
    expect(check(getIntrospectionQuery())).toEqual([]);
    expect(operationCost(schema, parse(getIntrospectionQuery()), null, {})).toBe(0);
    const ofType = (n: number): string => (n === 0 ? 'name' : `name ofType { ${ofType(n - 1)} }`);
    expect(check(`{ __schema { types { ${ofType(LIMITS.maxIntrospectionOfType + 1)} } } }`)).toContainEqual(expect.objectContaining({ limit: 'introspection' }));
    expect(check(`{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`)).toContainEqual(expect.objectContaining({ limit: 'introspection' }));
  });

  it('costs a list by its page: first × children', () => {
    const small = operationCost(schema, parse('{ projects(first: 1) { nodes { name } } }'), null, {});
    const big = operationCost(schema, parse('query($n: Int) { projects(first: $n) { nodes { name } } }'), null, { n: 100 });
    expect(big).toBeGreaterThan(small * 50);
  });
});

describe('per-client limits', () => {
  it('admits up to the concurrency, then refuses until one is released', () => {
    const limiter = new ClientLimiter({ concurrency: 2, ratePerSecond: 0 });
    const a = limiter.admit('x');
    const b = limiter.admit('x');
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(limiter.admit('x')).toMatchObject({ ok: false, reason: 'CONCURRENCY' });
    expect(limiter.admit('y').ok).toBe(true); // another client is not affected
    if (a.ok) a.release();
    expect(limiter.admit('x').ok).toBe(true);
  });

  it('refills its bucket with time: a burst of twice the rate, then the rate', () => {
    let now = 0;
    const limiter = new ClientLimiter({ concurrency: 0, ratePerSecond: 5 }, () => now);
    const burst = Array.from({ length: 12 }, () => limiter.admit('x'));
    expect(burst.filter((r) => r.ok)).toHaveLength(10);
    expect(burst.at(-1)).toMatchObject({ ok: false, reason: 'RATE', retryAfterSeconds: 1 });
    now += 1000;
    expect(Array.from({ length: 6 }, () => limiter.admit('x').ok).filter(Boolean)).toHaveLength(5);
  });
});

describe('answer cache key', () => {
  it('is the same for the same operation however it is spaced, and differs by variables', () => {
    const a = cacheKey(parse('{ documents { totalCount } }'), null, {});
    const b = cacheKey(parse('query {\n  documents {\n    totalCount\n  }\n} # comment'), null, {});
    expect(a).toBe(b);
    expect(cacheKey(parse('query($y: Int) { documents { totalCount } }'), null, { y: 1 })).not.toBe(cacheKey(parse('query($y: Int) { documents { totalCount } }'), null, { y: 2 }));
  });

  it('is null for health and for mutations: never cached', () => {
    expect(cacheKey(parse('{ health { ok } documents { totalCount } }'), null, {})).toBeNull();
    expect(cacheKey(parse('mutation { removeDocument(name: "x.txt") }'), null, {})).toBeNull();
  });
});

describe('error formatting', () => {
  it('keeps a typed error’s code and message, and hides anything unexpected behind a generic message', () => {
    const typed = formatError({ message: 'x' }, new GraphQLError('x', { originalError: new BudgetGraphError('NOT_FOUND', 'No project "p"; search for it first.') }));
    expect(typed).toMatchObject({ message: 'No project "p"; search for it first.', extensions: { code: 'NOT_FOUND' } });
    const internal = formatError({ message: 'java.lang.NullPointerException at org.neo4j…', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x', { originalError: new Error('java.lang.NullPointerException') }));
    expect(internal).toEqual({ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('cost of nodes(ids)', () => {
  it('grows with the ids asked for, literal or variable', async () => {
    const { buildApiSchema } = await import('../../src/api/schema.js');
    const { operationCost } = await import('../../src/api/limits.js');
    const { parse } = await import('graphql');
    const schema = await buildApiSchema();
    const q = '{ nodes(ids: IDS) { id ... on Department { documents { id } } } }';
    const literal = (n: number) => operationCost(schema, parse(q.replace('IDS', `[${Array.from({ length: n }, () => '"Department:x"').join(',')}]`)), null, {});
    expect(literal(100)).toBeGreaterThan(literal(10) * 5);
    const variable = operationCost(schema, parse('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Department { documents { id } } } }'), null, { ids: Array.from({ length: 100 }, () => 'Department:x') });
    expect(variable).toBeGreaterThanOrEqual(literal(100) - 100);
  });
});
