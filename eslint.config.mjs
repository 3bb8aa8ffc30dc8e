// The schema linters' configuration (run by tests/unit/schema-lint.test.ts and `npm run lint:schema`).
// @graphql-eslint's schema-recommended and schema-relay rule sets apply as published; the two
// rules below are changed, each for the reason written beside it.
import graphql from '@graphql-eslint/eslint-plugin';

// One graphql-config for both blocks: the plugin loads it once per process.
const graphQLConfig = { schema: 'schema/schema.graphql', documents: 'docs/queries/examples.graphql' };

export default [
  {
    files: ['schema/schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      // Off: value objects (a Source, a cell, a page's info) have no identity of their own; every type that has one implements Node, which the lint test checks instead.
      '@graphql-eslint/strict-id-in-types': 'off',
      // Lists of bounded size (a row's evidence, a document's units) stay plain lists; connections page what can grow without bound, and their edges' nodes implement Node.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: true, withEdgeSuffix: true }],
    },
  },
  {
    // The documented examples, as analysts' operations.
    files: ['docs/queries/examples.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphql },
    rules: graphql.configs['flat/operations-recommended'].rules,
  },
];
