// Builds the GraphQL schema from the type-graphql resolvers and prints its SDL.
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { HealthResolver } from './resolvers/health-resolver.js';

export const resolvers = [HealthResolver] as const;

export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...resolvers], validate: false, emitSchemaFile: false });
}

export function printApiSchema(schema: GraphQLSchema): string {
  return `# Printed by \`npm run print-schema\` from the type-graphql resolvers. Do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
