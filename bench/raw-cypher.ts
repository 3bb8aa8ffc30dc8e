// The floor of a question: the Cypher Budget Graph runs for it, replayed by the driver alone (no
// GraphQL, no HTTP, no JSON). The statements are recorded by answering the question once in
// process with an observing QueryRunner, so the floor is exactly the server's own work in Neo4j.
import { graphql, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/db/connection.js';
import { createContext } from '../src/api/context.js';
import type { LoadResult } from './load-generator.js';

export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

export async function recordStatements(db: Database, schema: GraphQLSchema, query: string, variables: Record<string, unknown>): Promise<Statement[]> {
  const ctx = createContext(db);
  const statements: Statement[] = [];
  ctx.runner.observe = (text, params) => statements.push({ text, params: params as Record<string, unknown> });
  const res = await graphql({ schema, source: query, variableValues: variables, contextValue: ctx });
  if (res.errors?.length) throw new Error(`recording ${query.slice(0, 60)}…: ${res.errors[0]!.message}`);
  return statements;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

/** Closed loop like the HTTP load generator: each worker replays the statements, all records read. */
export async function runCypherLoad(db: Database, statements: Statement[], concurrency: number, durationMs: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const once = async () => {
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
  };
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await once();
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { requests: latencies.length, errors, rps: round(latencies.length / elapsed), p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? NaN) };
}
