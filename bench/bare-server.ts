// A bare server for the bench (not product code, #41 item 4): Budget Graph's schema, context,
// loaders and Neo4j behind node:http and graphql-js's `execute` alone — no Apollo pipeline, none
// of our plugins (cost, status and log, round-trips), no request id, log line, client limits,
// CORS, drain or compression negotiation. What our server costs a request beyond it is what
// the HTTP front and Apollo's pipeline cost. It sends the database exactly what our server
// sends: a query's reads are watched (the write-count readings) and asked again until one state,
// as askConsistently does. Started by bench/api-profile.ts --bare; prints BARE_READY <url>.
// --mode=warm: execute, after the warm-up our server runs before it takes requests
// (db.warmUp(): the page cache read, every API read replayed or planned).
import '../src/runtime-mode.js';
import 'reflect-metadata';
import { createServer } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { execute, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import type { ApiContext } from '../src/api/context.js';
import { neo4jSettings } from '../src/config.js';
import { connect } from '../src/db/connection.js';
import { buildApiSchema } from '../src/api/schema.js';
import { createContext } from '../src/api/context.js';
import { askConsistently } from '../src/api/consistent-reads.js';

const port = Number(process.env.PORT ?? 4200);
// Options as arguments, not variables: every variable the code reads is a declared, documented
// setting (src/environment.ts, tests/unit/config-docs.test.ts), and these are the bench's own.
// --mode=execute (default) | apollo | warm; --no-readings: the question without its write-count readings.
const mode = process.argv.find((a) => a.startsWith('--mode='))?.slice('--mode='.length) ?? 'execute';
const readings = !process.argv.includes('--no-readings');
const viaApollo = mode === 'apollo';
const db = await connect(neo4jSettings());
if (mode === 'warm') await db.warmUp();
const schema = await buildApiSchema();
const apollo = viaApollo ? new ApolloServer<ApiContext>({ schema, stringifyResult: (v) => JSON.stringify(v) }) : null;
await apollo?.start();
/** Parsed and validated once per text, as Apollo's document store does. */
const documents = new Map<string, DocumentNode>();

function documentOf(query: string): DocumentNode {
  let doc = documents.get(query);
  if (!doc) {
    doc = parse(query);
    const errors = validate(schema, doc);
    if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
    documents.set(query, doc);
  }
  return doc;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      if (apollo) {
        const headers = new HeaderMap([['content-type', 'application/json']]);
        const asked = await askConsistently(async () => {
          let runner: ApiContext['runner'] | null = null;
          const value = await apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: 'POST', headers, search: '', body },
            context: async () => {
              const ctx = createContext(db);
              if (readings) ctx.runner.watchWrites();
              runner = ctx.runner;
              return ctx;
            },
          });
          return { value, runner };
        });
        const { value } = asked;
        res.statusCode = value.status ?? 200;
        for (const [key, v] of value.headers) res.setHeader(key, v);
        res.end(value.body.kind === 'complete' ? value.body.string : '');
        return;
      }
      const { query, variables } = body;
      const document = documentOf(query);
      const asked = await askConsistently(async () => {
        const contextValue = createContext(db);
        if (readings) contextValue.runner.watchWrites();
        const value = (await execute({ schema, document, variableValues: variables ?? {}, contextValue })) as ExecutionResult;
        return { value, runner: contextValue.runner };
      });
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(asked.value));
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
    });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`BARE_READY http://127.0.0.1:${port}/graphql`));
process.on('SIGINT', () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
