// A question asked again runs compiled (graphql-jit, src/api/compiled-execution.ts); its answer
// must be the bytes graphql-js answered the first time. Every documented example (docs/queries/
// examples.graphql) and a few questions with variables, each asked three times over HTTP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { startApi, type ApiFixture } from './helpers.js';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

const examples = parse(readFileSync(join(projectRoot, 'docs/queries/examples.graphql'), 'utf8'))
  .definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' ? [[d.name?.value ?? '', print(d)] as const] : []));

const withVariables: [string, string, Record<string, unknown>][] = [
  ['a page with a cursor', 'query($n: Int!) { documents(first: $n) { totalCount nodes { id title total } pageInfo { hasNextPage endCursor } } }', { n: 3 }],
  ['a code’s feeds (the bench’s page)', 'query($c: String!) { codeFeeds(code: $c, first: 100) { totalCount nodes { year department { name } unit { name } project { id name } amount method evidence { table line text } } pageInfo { hasNextPage endCursor } } }', { c: '2010504' }],
  ['a wrong variable', 'query($n: Int!) { documents(first: $n) { totalCount } }', { n: 'three' }],
];

async function askedThrice(query: string, variables: Record<string, unknown>): Promise<{ status: number; text: string }[]> {
  const out: { status: number; text: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    out.push({ status: res.status, text: await res.text() });
  }
  return out;
}

describe('compiled answers are graphql-js’s, byte for byte', () => {
  it.each(examples)('%s', async (_name, query) => {
    const [first, second, third] = await askedThrice(query, {});
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it.each(withVariables)('%s', async (_name, query, variables) => {
    const [first, second, third] = await askedThrice(query, variables);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });
});
