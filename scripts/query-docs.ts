// docs/queries.md as a running server answers it: each query of docs/queries/queries.json with
// its answer over the bundled documents. Shared by `npm run docs:queries` (writes the file) and
// the drift test (compares it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config.js';

export interface Example {
  title: string;
  why: string;
  query: string;
}

export const queryDocsPath = join(projectRoot, 'docs/queries.md');

export function examples(): Example[] {
  return JSON.parse(readFileSync(join(projectRoot, 'docs/queries/queries.json'), 'utf8')) as Example[];
}

export const examplesGraphqlPath = join(projectRoot, 'docs/queries/examples.graphql');

/** docs/queries/examples.graphql: the same examples as named operations, for graphql-codegen and linters. */
export function renderExamplesGraphql(): string {
  const head = '# The examples of docs/queries.md as one document of named operations (written by `npm run docs:queries`\n# from docs/queries/queries.json). graphql-codegen takes it as it is: see docs/codegen.ts.\n';
  return `${head}\n${examples().map((ex) => `# ${ex.title}\n${ex.query}\n`).join('\n')}`;
}

export async function renderQueryDocs(url: string): Promise<string> {
  const list = examples();
  const parts = [
    '# Queries for analysts',
    '',
    `Real answers from the five bundled documents (written by \`npm run docs:queries\` against a running server; a test fails when they drift). Money is a \`Decimal\` string in 万元. Open any of them in the query editor at http://127.0.0.1:4000/graphiql?example=N (what \`npm start\` serves; its Examples panel lists them all), point any GraphQL client at http://127.0.0.1:4000/graphql, or POST \`{"query": "…"}\` there.`,
    '',
  ];
  for (const [i, ex] of list.entries()) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ex.query }) });
    const body = (await res.json()) as { data?: unknown; errors?: unknown; extensions?: { cypherRoundTrips?: number } };
    if (body.errors) throw new Error(`query ${i + 1} (${ex.title}) failed: ${JSON.stringify(body.errors)}`);
    parts.push(`## ${i + 1}. ${ex.title}`, '', ex.why, '', '```graphql', ex.query, '```', '', `Answer (${body.extensions?.cypherRoundTrips ?? '?'} Cypher round-trips):`, '', '```json', JSON.stringify(body.data, null, 2), '```', '');
  }
  return parts.join('\n');
}
