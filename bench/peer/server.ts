// The peer: @neo4j/graphql over the same Neo4j and graph, with its generated resolvers, served
// by Apollo Server. Started as its own process by bench/run.ts; prints PEER_READY <url>.
// First, as Budget Graph's own server does: production mode (graphql-js without its development
// checks, stack traces without source maps), so neither side runs with a handicap.
import '../../src/runtime-mode.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const uri = process.env.NEO4J_URI!;
const port = Number(process.env.PORT ?? 4100);
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'));
const typeDefs = readFileSync(join(import.meta.dirname, 'type-defs.graphql'), 'utf8');
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
// Compact JSON as Budget Graph sends it, so both answer with the same bytes for the same data.
const server = new ApolloServer({ schema, stringifyResult: (value) => JSON.stringify(value) });
const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
console.log(`PEER_READY ${url}`);
process.on('SIGTERM', async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
});
