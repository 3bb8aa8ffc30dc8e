// graphql-codegen for Budget Graph: typed operations for the examples in docs/queries.md.
// Copy it beside your own .graphql files (change `documents`) and run
//   npx graphql-codegen --config docs/codegen.ts
// Decimal is money in 万元 as an exact decimal string ("1590.00"): keep it a string and add with a
// decimal library, never parseFloat. JSONObject is the explorer's bag of stored properties.
// tests/unit/codegen.test.ts runs this config and type-checks what it writes.
import type { CodegenConfig } from '@graphql-codegen/cli';

export const scalars = {
  Decimal: 'string',
  JSONObject: 'Record<string, unknown>',
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'docs/queries/examples.graphql',
  generates: {
    'generated/budget-graph.ts': {
      plugins: ['typescript-operations'],
      config: { scalars, strictScalars: true, enumsAsTypes: true, useTypeImports: true, avoidOptionals: { field: true } },
    },
  },
};

export default config;
