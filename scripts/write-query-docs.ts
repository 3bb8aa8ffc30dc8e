// Writes docs/queries.md: each query of docs/queries/queries.json with the answer a running
// server gives over the bundled documents. Run `npm start`, then `npm run docs:queries`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config.js';

interface Example {
  title: string;
  why: string;
  query: string;
}

const url = process.env.BUDGET_GRAPH_URL ?? 'http://127.0.0.1:4000/graphql';
const examples = JSON.parse(readFileSync(join(projectRoot, 'docs/queries/queries.json'), 'utf8')) as Example[];
const parts = [
  '# Queries for analysts',
  '',
  `Real answers from the five bundled documents (written by \`npm run docs:queries\` against a running server; regenerate after changing the parsers). Money is a \`Decimal\` string in 万元. Paste any query into a GraphQL client pointed at http://127.0.0.1:4000/graphql (what \`npm start\` serves), or POST it as \`{"query": "…"}\`.`,
  '',
];
for (const [i, ex] of examples.entries()) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ex.query }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown; extensions?: { cypherRoundTrips?: number } };
  if (body.errors) throw new Error(`query ${i + 1} (${ex.title}) failed: ${JSON.stringify(body.errors)}`);
  parts.push(`## ${i + 1}. ${ex.title}`, '', ex.why, '', '```graphql', ex.query, '```', '', `Answer (${body.extensions?.cypherRoundTrips ?? '?'} Cypher round-trips):`, '', '```json', JSON.stringify(body.data, null, 2), '```', '');
}
writeFileSync(join(projectRoot, 'docs/queries.md'), parts.join('\n'));
console.log(`wrote docs/queries.md (${examples.length} queries)`);
