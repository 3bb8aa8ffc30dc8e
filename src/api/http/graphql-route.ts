// /graphql: a GraphQL request handed to Apollo, asked again until it reads one state of the graph,
// its answer capped in size and compressed when the client takes it.
import { HeaderMap } from '@apollo/server';
import { ServiceUnavailableError } from '../../errors.js';
import type { QueryRunner } from '../../db/run.js';
import { sendMaybeCompressed } from './compression.js';
import { askConsistently } from '../consistent-reads.js';
import { createContext } from '../context.js';
import { LIMITS } from '../limits.js';
import { readBody } from './body.js';
import { HttpError } from './errors.js';
import type { ApiCall, ServerParts } from './parts.js';
import { checkVariableDepth, tokenMatches } from './request-checks.js';

const BROWSER_PAGE = '<!doctype html><meta charset="utf-8"><title>Budget Graph API</title><p>This is the GraphQL endpoint. The query editor is at <a href="/graphiql">/graphiql</a>, the explorer at <a href="/">/</a>.</p>';

export async function answerGraphql(parts: ServerParts, { req, res, url, requestId, record, cut, allowedOrigin }: ApiCall): Promise<void> {
  if (req.method === 'GET' && !url.searchParams.has('query') && !url.searchParams.has('extensions') && (req.headers.accept ?? '').includes('text/html')) {
    // A person opened the endpoint in a browser: the query editor is what they want.
    res.statusCode = 302;
    res.setHeader('location', '/graphiql');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(BROWSER_PAGE);
    return;
  }
  const body = await readBody(req, cut);
  checkVariableDepth(body, url.searchParams);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  if (allowedOrigin) headers.set('apollo-require-preflight', 'true');
  const authorized = tokenMatches(req.headers.authorization, parts.token);
  const { db, token, cache, ingest, records } = parts;
  const asked = await askConsistently(async () => {
    let runner: QueryRunner | null = null;
    const value = await parts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const ctx = createContext(db, { requestId, authorized, ingestEnabled: Boolean(token), cache, ingest });
        records.set(ctx.runner, record);
        runner = ctx.runner;
        return ctx;
      },
    });
    return { value, runner: value.body.kind === 'complete' ? runner : null };
  }).catch((err: unknown) => {
    if (!(err instanceof ServiceUnavailableError && err.details.reason === 'GRAPH_CHANGING')) throw err;
    record.errorCodes.push(err.code);
    res.statusCode = 503;
    res.setHeader('retry-after', '1');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ errors: [{ message: err.message, extensions: { code: err.code, reason: err.details.reason, requestId } }] }));
    return null;
  });
  if (!asked) return;
  record.attempts = asked.attempts;
  const result = asked.value;
  if (result.body.kind === 'complete') {
    if (result.body.string.length > LIMITS.maxAnswerBytes / 2 && Buffer.byteLength(result.body.string) > LIMITS.maxAnswerBytes) {
      record.errorCodes.push('QUERY_TOO_COMPLEX');
      throw new HttpError(400, 'QUERY_TOO_COMPLEX', `The answer is larger than ${LIMITS.maxAnswerBytes / 1024 / 1024} MiB; ask for smaller pages or fewer fields.`);
    }
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    await sendMaybeCompressed(req, res, result.body.string);
  } else {
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
