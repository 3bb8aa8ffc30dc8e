// /export: the rows of one list as CSV or NDJSON, page after page (src/api/export.ts), each page
// read from one state of the graph, a reader that stops reading given a bounded wait.
import type { GraphQLResponse } from '@apollo/server';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { exportStream } from './compression.js';
import { askConsistently } from '../consistent-reads.js';
import { createContext } from '../context.js';
import { csvHeader, csvRow, exportRequest, ndjsonRow, planExport, rowsAt } from '../export.js';
import { parseExportJson, readBody } from './body.js';
import { HttpError, httpStatusOf } from './errors.js';
import type { ApiCall, ServerParts } from './parts.js';
import { checkVariableDepth, CSRF_MESSAGE, passesCsrfRule } from './request-checks.js';


export async function answerExport(parts: ServerParts, { req, res, url, requestId, record, cut, allowedOrigin }: ApiCall): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST') throw new HttpError(405, 'BAD_USER_INPUT', 'GET or POST /export with query, variables and format (csv or ndjson).');
  if (!allowedOrigin && !passesCsrfRule(req)) throw new HttpError(400, 'BAD_REQUEST', CSRF_MESSAGE);
  const body = await readBody(req, cut);
  const parsed = typeof body === 'string' && body.trim() ? parseExportJson(body) : body;
  checkVariableDepth(parsed, url.searchParams);
  const request = exportRequest(url.searchParams, parsed);
  const plan = planExport(parts.schema, request);
  record.operation = 'export';
  let after: string | null = null;
  let pages = 0;
  // The rows' stream, once the first page has been read and the status sent.
  let stream: ReturnType<typeof exportStream> | null = null;
  do {
    // Each page of one state of the graph (a page read across a replace is read again).
    const { value: result } = await askConsistently(async () => {
      const contextValue = createContext(parts.db, { requestId, authorized: false, ingestEnabled: false, cache: parts.cache, ingest: null, readsData: true });
      const value: GraphQLResponse = await parts.apollo.executeOperation({ query: plan.operation(after), variables: request.variables }, { contextValue });
      record.roundTrips += contextValue.runner.roundTrips;
      record.dbMs += contextValue.runner.dbMs;
      return { value, runner: contextValue.runner };
    });
    pages++;
    if (result.body.kind !== 'single') throw new Error('export: incremental delivery is not expected');
    const data: unknown = result.body.singleResult.data;
    const errors = result.body.singleResult.errors;
    if (errors?.length) {
      const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      record.errorCodes.push(...codes);
      // Mid-stream the status is gone: end the transfer abruptly so no client takes a part for the whole.
      if (stream) return void res.destroy();
      res.statusCode = httpStatusOf(codes[0]);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors }));
      return;
    }
    if (!stream) {
      res.statusCode = 200;
      res.setHeader('content-type', request.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="budget-graph-export.${request.format === 'csv' ? 'csv' : 'ndjson'}"`);
      res.setHeader('cache-control', 'no-store');
      stream = exportStream(req, res);
      // A BOM so spreadsheet programs read the Chinese text as UTF-8.
      if (request.format === 'csv') stream.out.write(`\uFEFF${csvHeader(plan.columns)}`);
    }
    const { out, pageDone } = stream;
    for (const row of rowsAt(data, plan.rowsPath)) {
      const line = request.format === 'csv' ? csvRow(plan.columns, row) : ndjsonRow(row);
      if (!out.write(line) && (await readerTooSlow(out, res, parts.exportWriteTimeoutMs))) {
        record.errorCodes.push('SLOW_READER');
        return void res.destroy();
      }
      if (res.destroyed) return;
    }
    const pageInfo = plan.pageInfoPath ? rowsAt(data, plan.pageInfoPath)[0] : undefined;
    after = pageInfo?.hasNextPage && typeof pageInfo.endCursor === 'string' && pageInfo.endCursor ? pageInfo.endCursor : null;
    pageDone();
  } while (after && !res.destroyed && !parts.drain.draining);
  (stream?.out ?? res).end();
  parts.logger.debug({ requestId, pages }, 'export');
}

/**
 * A reader that stops reading holds the export (and a Neo4j page) open: it gets a bounded wait.
 * True when the wait ran out before the stream drained or the response closed.
 */
async function readerTooSlow(out: NodeJS.WritableStream, res: ServerResponse, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((r) => (timer = setTimeout(() => r('slow'), timeoutMs)));
  const outcome = await Promise.race([once(out, 'drain'), once(res, 'close'), slow]);
  clearTimeout(timer);
  return outcome === 'slow';
}
