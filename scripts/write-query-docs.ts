// Writes docs/queries.md from a running server. Run `npm start`, then `npm run docs:queries`
// (BUDGET_GRAPH_URL to point elsewhere).
import { writeFileSync } from 'node:fs';
import { examples, examplesGraphqlPath, queryDocsPath, renderExamplesGraphql, renderQueryDocs } from './query-docs.js';

const url = process.env.BUDGET_GRAPH_URL ?? 'http://127.0.0.1:4000/graphql';
writeFileSync(examplesGraphqlPath, renderExamplesGraphql());
writeFileSync(queryDocsPath, await renderQueryDocs(url));
console.log(`wrote docs/queries.md (${examples().length} queries)`);
