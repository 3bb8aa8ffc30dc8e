// Queries asked again run compiled (graphql-jit, src/api/compiled-execution.ts) and answer exactly
// as graphql-js does: the data, the errors (message, path, locations, extensions), the refusals of
// validation (depth, cost) and of variables (BAD_USER_INPUT, 400). Counted, never timed.
import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import { GraphQLBoolean, GraphQLError, GraphQLInt, Kind, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { BudgetGraphError } from '../../src/errors.js';
import { CompiledExecution, type ExecutionRequest } from '../../src/api/compiled-execution.js';
import { createContext, type ApiContext } from '../../src/api/context.js';
import { startApollo } from '../../src/api/http/apollo.js';
import { createLogger } from '../../src/api/logger.js';
import type { RequestRecords } from '../../src/api/http/request-log.js';
import { buildApiSchema } from '../../src/api/schema.js';

// A small schema with what the API's answers hold: lists of rows, plain properties, a field
// with a resolver, a non-null field that fails, a resolver that throws a coded error.
const Row: GraphQLObjectType = new GraphQLObjectType({
  name: 'Row',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLString) },
    amount: { type: GraphQLInt },
    doubled: { type: GraphQLInt, resolve: (r: { amount: number }) => r.amount * 2 },
    missing: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
    refused: { type: GraphQLString, resolve: () => Promise.reject(new BudgetGraphError('NOT_FOUND', 'no such row', { id: 'x' })) },
    next: { type: Row, resolve: (r: { amount: number }) => (r.amount < 3 ? { id: `r${r.amount + 1}`, amount: r.amount + 1 } : null) },
  }),
});
const testSchema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      rows: {
        type: new GraphQLList(Row),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) }, wide: { type: GraphQLBoolean } },
        resolve: async (_root, { first }: { first: number }) => Array.from({ length: first }, (_, i) => ({ id: `r${i}`, amount: i })),
      },
    },
  }),
});

function request(text: string, variables?: Record<string, unknown>, context: unknown = {}): ExecutionRequest {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  return { queryHash: text, document, operationName: null, operation, context, request: { variables } };
}

/** The result as a client sees it (what Apollo formats from: GraphQLError's toJSON). */
const asSent = (r: { data?: unknown; errors?: readonly GraphQLError[] }) => JSON.parse(JSON.stringify({ data: r.data, errors: r.errors?.map((e) => ({ ...e.toJSON(), original: e.originalError?.message })) }));

describe('CompiledExecution', () => {
  const texts = [
    'query($n: Int!) { rows(first: $n) { id amount doubled next { id next { id amount } } } }',
    '{ rows(first: 3) { id refused } }',
    '{ rows(first: 2) { id missing } }',
    'query($n: Int!, $w: Boolean) { rows(first: $n, wide: $w) { id ...f } } fragment f on Row { amount @include(if: true) doubled @skip(if: true) }',
  ];
  it.each(texts)('answers %s compiled exactly as graphql-js does', async (text) => {
    const execution = new CompiledExecution(testSchema);
    const first = await execution.execute(request(text, { n: 4 }));
    expect(execution.counts).toMatchObject({ interpreted: 1, compiled: 0 });
    const second = await execution.execute(request(text, { n: 4 }));
    expect(execution.counts).toMatchObject({ interpreted: 1, compiled: 1, compilations: 1, refused: 0 });
    expect(asSent(second)).toEqual(asSent(first));
    await execution.execute(request(text, { n: 4 }));
    expect(execution.counts).toMatchObject({ compiled: 2, compilations: 1 });
  });

  it('refuses a variable of the wrong type with graphql-js’s own errors, before any resolver', async () => {
    const text = 'query($n: Int!) { rows(first: $n) { id } }';
    const execution = new CompiledExecution(testSchema);
    const interpreted = await execution.execute(request(text, { n: 'three' }));
    await execution.execute(request(text, { n: 1 }));
    const compiled = await execution.execute(request(text, { n: 'three' }));
    expect(execution.counts.compilations).toBe(1);
    expect(compiled.data).toBeUndefined();
    // The nodes Apollo reads to call it BAD_USER_INPUT are graphql-js's variable definition.
    expect(compiled.errors?.[0]?.nodes?.[0]?.kind).toBe('VariableDefinition');
    expect(asSent(compiled)).toEqual(asSent(interpreted));
  });

  it('runs a text asked once, and every mutation, with graphql-js', async () => {
    const execution = new CompiledExecution(testSchema, { compileAfter: 1 });
    await execution.execute(request('{ rows(first: 1) { id } }'));
    expect(execution.counts).toMatchObject({ interpreted: 1, compilations: 0 });
    const mutation = request('mutation { rows }');
    for (let i = 0; i < 3; i++) await execution.execute(mutation).catch(() => undefined);
    expect(execution.counts.compilations).toBe(0);
  });

  it('compiles every documented example but the one with a Decimal literal argument', async () => {
    const schema = await buildApiSchema();
    const examples = parse(readFileSync(join(projectRoot, 'docs/queries/examples.graphql'), 'utf8'));
    const refused = examples.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && !isCompiledQuery(compileQuery(schema, examples, d.name?.value)) ? [d.name?.value] : []));
    expect(refused).toEqual(['LargestProjects']);
  });

  it('runs what graphql-jit cannot compile with graphql-js, and does not try again', async () => {
    // A Decimal literal argument: graphql-jit cannot write the parsed bigint into its code.
    const schema = await buildApiSchema();
    const execution = new CompiledExecution(schema);
    const req = request('{ projects(first: 5, filter: { minAmount: "1000" }) { totalCount } }', undefined, {});
    for (let i = 0; i < 4; i++) await execution.execute(req).catch(() => undefined);
    expect(execution.counts).toMatchObject({ compilations: 1, refused: 1, compiled: 0, interpreted: 4 });
  });
});

describe('through Apollo: validation and variables are checked before compiled execution', () => {
  let apollo: ApolloServer<ApiContext>;
  let execution: CompiledExecution;
  // No database: health answers "down" without a statement, so its answer comes from execution alone.
  const db = { isUp: () => false, unavailableReason: () => 'DATABASE_RESTARTING' } as unknown as Database;
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const res = await apollo.executeOperation({ query, variables }, { contextValue: createContext(db) });
    if (res.body.kind !== 'single') throw new Error('not a single result');
    return { status: res.http.status, result: JSON.parse(JSON.stringify(res.body.singleResult)) };
  };
  beforeAll(async () => {
    const schema = await buildApiSchema();
    execution = new CompiledExecution(schema);
    const records: RequestRecords = new WeakMap();
    apollo = await startApollo(schema, { logger: createLogger('silent'), cache: null, records, execution });
  });
  afterAll(() => apollo.stop());

  const health = 'query($why: Boolean!) { health { ok reason @include(if: $why) } }';

  it('runs a question asked again compiled, with the same answer', async () => {
    const first = await ask(health, { why: true });
    const before = execution.counts.compiled;
    const second = await ask(health, { why: true });
    expect(execution.counts.compiled).toBe(before + 1);
    expect(second).toEqual(first);
    expect(first.result.data).toEqual({ health: { ok: false, reason: 'DATABASE_RESTARTING' } });
  });

  it('refuses a variable of the wrong type to a compiled question as graphql-js does (400 BAD_USER_INPUT)', async () => {
    // The same refusal from a server that never compiled it: a text asked for the first time.
    const fresh = await ask(`${health} `, { why: 'yes' });
    await ask(health, { why: false });
    await ask(health, { why: false });
    const compiledBefore = execution.counts.compiled;
    const refused = await ask(health, { why: 'yes' });
    expect(execution.counts.compiled).toBe(compiledBefore);
    expect(refused.status).toBe(400);
    expect(refused.result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.result.errors[0].message).toMatch(/^Variable "\$why" got invalid value "yes"/);
    expect(refused).toEqual(fresh);
  });

  it.each([
    ['too deep', '{ documents { nodes { department { documents { department { documents { department { documents { department { documents { department { documents { id } } } } } } } } } } } } }', /levels deep; the limit is 12/],
    ['too costly', '{ projects(first: 100) { nodes { allocations { document { projects { indicators { source { document { functionLines { code } } } } } } } } } }', /cost/],
  ])('refuses a %s question every time it is asked, before any execution', async (_what, query, message) => {
    const executed = () => execution.counts.compiled + execution.counts.interpreted;
    const before = executed();
    for (let i = 0; i < 3; i++) {
      const { status, result } = await ask(query);
      expect(status).toBe(400);
      expect(result.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(result.errors[0].message).toMatch(message);
    }
    expect(executed()).toBe(before);
    expect(execution.counts.compilations).toBeLessThanOrEqual(1);
  });
});
