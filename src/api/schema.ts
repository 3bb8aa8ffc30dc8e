// Builds the GraphQL schema from the type-graphql resolvers and prints its SDL.
import 'reflect-metadata';
import { isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { AggregateCellResolver, AggregateResolver, AggregateSourceResolver } from './resolvers/aggregate-resolver.js';
import { AnomalyResolver, SourceResolver } from './resolvers/anomaly-resolver.js';
import { CodeFeedResolver, CodeResolver } from './resolvers/code-resolver.js';
import { BudgetUnitResolver, DepartmentResolver, DocumentResolver } from './resolvers/document-resolver.js';
import { GraphResolver } from './resolvers/graph-resolver.js';
import { NodeResolver, nodeIdResolvers } from './resolvers/node-resolver.js';
import { HealthResolver } from './resolvers/health-resolver.js';
import { IngestResolver } from './resolvers/ingest-resolver.js';
import { InvestmentResolver } from './resolvers/investment-resolver.js';
import { BudgetLineResolver } from './resolvers/line-resolver.js';
import { LineageResolver } from './resolvers/lineage-resolver.js';
import { ContributionResolver, MoneyTrailResolver } from './resolvers/money-trail-resolver.js';
import { AllocationResolver, ProjectResolver } from './resolvers/project-resolver.js';
import { DecimalScalar } from './types/scalars.js';

export const resolvers = [
  HealthResolver,
  DocumentResolver,
  DepartmentResolver,
  BudgetUnitResolver,
  BudgetLineResolver,
  CodeResolver,
  CodeFeedResolver,
  ProjectResolver,
  AllocationResolver,
  InvestmentResolver,
  AnomalyResolver,
  SourceResolver,
  GraphResolver,
  NodeResolver,
  ...nodeIdResolvers,
  LineageResolver,
  MoneyTrailResolver,
  ContributionResolver,
  IngestResolver,
  AggregateResolver,
  AggregateCellResolver,
  AggregateSourceResolver,
] as const;

export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: [...resolvers], validate: false, emitSchemaFile: false, scalarsMap: [{ type: BigInt, scalar: DecimalScalar }] });
  // type-graphql has no option for the root types' descriptions.
  const query = schema.getQueryType();
  if (query) query.description = 'Read-only questions over the loaded documents. Money is a Decimal string in 万元, exact to the fen; every fact carries its source (document, table, line).';
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = 'Writes, each behind the ingest token (Authorization: Bearer …): load or remove a document in one transaction.';
  readPlainFieldsDirectly(schema);
  return schema;
}

/**
 * A plain field (a property of the row, no resolver method, no middleware, no roles) reads its
 * property directly. type-graphql gives each such field a resolver that builds a resolver-data
 * object and passes through its (empty) middleware chain on every call: for a page of 100 feeds,
 * ~1,500 calls a request whose only work is `row[property]`. The reader does exactly that
 * `root[property]` (the property's name, which a renamed field — `total` reading `totalFen` —
 * keeps), so answers are unchanged; a field any resolver class names is left as type-graphql made it.
 * Returns how many fields read directly.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const resolved = new Set(storage.fieldResolvers.flatMap((r) => [r.methodName, r.schemaName]));
  let plain = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const built = fields[field.schemaName];
      if (!built?.resolve || field.target !== objectType.target || resolved.has(field.name) || resolved.has(field.schemaName)) continue;
      if (field.middlewares?.length || field.roles || field.params?.length) continue;
      const property = field.name;
      built.resolve = (root: Record<string, unknown>) => root[property];
      plain++;
    }
  }
  return plain;
}

export function printApiSchema(schema: GraphQLSchema): string {
  return `# Printed by \`npm run print-schema\` from the type-graphql resolvers. Do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
