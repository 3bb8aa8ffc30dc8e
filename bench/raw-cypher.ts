// The floor of a question: the Cypher Budget Graph runs for it, replayed by the driver alone (no
// GraphQL, no HTTP, no JSON). The statements are recorded by answering the question once in
// process with an observing QueryRunner, so the floor is exactly the server's own work in Neo4j.
import { graphql, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import type { Database } from '../src/db/connection.js';
import { createContext } from '../src/api/context.js';
import type { Task } from './load-generator.js';

export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

export async function recordStatements(db: Database, schema: GraphQLSchema, query: string, variables: Record<string, unknown>): Promise<Statement[]> {
  const ctx = createContext(db);
  const statements: Statement[] = [];
  ctx.runner.observe = (_name, text, params) => statements.push({ text, params: params as Record<string, unknown> });
  const res = await graphql({ schema, source: query, variableValues: variables, contextValue: ctx });
  if (res.errors?.length) throw new Error(`recording ${query.slice(0, 60)}…: ${res.errors[0]!.message}`);
  return statements;
}

/** The statements replayed once, with every record read: the floor's unit of work. */
export function cypherTask(db: Database, statements: Statement[]): Task {
  return async () => {
    // Independent statements run together, as the server's DataLoaders would at best.
    await Promise.all(
      statements.map(async (s) => {
        const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
        try {
          await session.run(s.text, s.params);
        } finally {
          await session.close();
        }
      }),
    );
    return true;
  };
}
