// A plain field (a row's property, no resolver method) is read by one call (#41 item 4): type-graphql
// wraps each in a resolver that builds a resolver-data object and runs an empty middleware chain,
// two more calls for each of the ~1,500 fields of a page of 100 feeds. The calls between
// graphql-js and the property are counted from the stack the property's getter sees, not timed.
import 'reflect-metadata';
import { isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';

type Resolver = GraphQLFieldResolver<unknown, unknown>;

/** Calls between `resolve` being called and the row's property being read, and what it returned. */
function callsToProperty(resolve: Resolver, property: string): { calls: number; value: unknown } {
  let calls = -1;
  const row = {
    get [property]() {
      const original = Error.prepareStackTrace;
      Error.prepareStackTrace = (_err, frames) => frames.map((f) => f.getFunctionName() ?? '');
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 50;
      const names: unknown = new Error('').stack;
      Error.prepareStackTrace = original;
      Error.stackTraceLimit = limit;
      // Frames from the getter (0) to askedByGraphql, exclusive of both.
      calls = Array.isArray(names) ? names.indexOf('askedByGraphql') - 1 : -1;
      return 'the value';
    },
  };
  function askedByGraphql(): unknown {
    // Plain fields read neither args, context nor info.
    return resolve(row, {}, {}, {} as GraphQLResolveInfo);
  }
  const value = askedByGraphql();
  return { calls, value };
}

describe('plain fields', () => {
  let fields: (type: string, field: string) => Resolver | undefined;
  beforeAll(async () => {
    const schema = await buildApiSchema();
    fields = (type, field) => {
      const t = schema.getType(type);
      return isObjectType(t) ? t.getFields()[field]?.resolve : undefined;
    };
  });

  it.each([
    ['BudgetLine', 'code', 'code'],
    ['Document', 'title', 'title'],
    ['Document', 'total', 'totalFen'],
    ['CodeFeed', 'year', 'year'],
    ['Anomaly', 'kind', 'kind'],
    ['Anomaly', 'delta', 'deltaFen'],
  ])('%s.%s reads the row’s %s in one call', (type, field, property) => {
    const resolve = fields(type, field);
    expect(resolve).toBeDefined();
    const { calls, value } = callsToProperty(resolve ?? (() => undefined), property);
    expect(value).toBe('the value');
    expect(calls).toBe(1);
  });
});

describe('fields with a resolver method keep it', () => {
  it('ProjectAllocation.document asks its loader, never a property of the same name on the row', async () => {
    const schema = await buildApiSchema();
    const t = schema.getType('ProjectAllocation');
    const resolve = isObjectType(t) ? t.getFields().document?.resolve : undefined;
    expect(resolve).toBeDefined();
    const row = { id: 'g00501_budget_2021#p1', documentId: 'g00501_budget_2021', document: 'a property the row happens to carry' };
    const context = { loaders: { documentById: { get: (id: string) => `document ${id}, from its loader` } } };
    const answer: unknown = await resolve?.(row, {}, context, { fieldName: 'document', path: { key: 'document' } } as unknown as GraphQLResolveInfo);
    expect(answer).toBe('document g00501_budget_2021, from its loader');
  });
});
