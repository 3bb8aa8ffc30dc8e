// Answers to read queries, kept per graph version. The graph changes only when documents are
// loaded, so the same question asked again (the explorer's questions, an analyst's script in a
// loop) is answered from memory. The version (document count, last load time) is re-read at most
// once per `checkEveryMs`; this server's own ingest clears the cache at once, a load by another
// process is seen within that interval. The answers hold no per-user data: the API has none.
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import type { ApiContext } from './context.js';

export class ResponseCache {
  private entries = new Map<string, FormattedExecutionResult>();
  private version: string | null = null;
  private checkedAt = 0;

  // Its own runner: the version check (at most one a second) is the cache's cost, not a
  // request's, so `cypherRoundTrips` keeps counting what the question itself needed.
  private readonly runner: QueryRunner;

  constructor(
    db: Database,
    private readonly maxEntries = 500,
    private readonly checkEveryMs = 1000,
  ) {
    this.runner = new QueryRunner(db);
  }

  /** Re-reads the graph version when the last reading is older than checkEveryMs. */
  async refresh(): Promise<void> {
    const runner = this.runner;
    const now = Date.now();
    if (now - this.checkedAt < this.checkEveryMs) return;
    this.checkedAt = now;
    const rec = (await runner.read('graph-version')).records[0];
    const version = `${rec?.get('documents')}|${rec?.get('lastLoad')}`;
    if (version !== this.version) this.entries.clear();
    this.version = version;
  }

  get(key: string): FormattedExecutionResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Least recently used goes first: re-insert on every hit.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, result: FormattedExecutionResult): void {
    this.entries.set(key, result);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(): void {
    this.entries.clear();
    this.checkedAt = 0;
  }
}

// The JSON of each cached answer's data, made once: a hit is written without serializing
// the (possibly large) answer again. Keyed by the data object the cache hands out.
const dataJson = new WeakMap<object, string>();

/** Apollo's stringifyResult: compact JSON, reusing a cached answer's serialized data. */
export function stringifyResult(value: FormattedExecutionResult): string {
  const json = value.data && !value.errors ? dataJson.get(value.data) : undefined;
  if (json === undefined) return JSON.stringify(value);
  return value.extensions ? `{"data":${json},"extensions":${JSON.stringify(value.extensions)}}` : `{"data":${json}}`;
}

const keyOf = (ctx: { request: { query?: string; variables?: Record<string, unknown>; operationName?: string | null } }) =>
  JSON.stringify([ctx.request.query, ctx.request.variables ?? {}, ctx.request.operationName ?? null]);

export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation(ctx) {
          if (ctx.operation.operation !== 'query') return null;
          await cache.refresh();
          key = keyOf(ctx);
          const hit = cache.get(key);
          if (!hit) return null;
          key = null; // nothing to store
          return { http: ctx.response.http, body: { kind: 'single', singleResult: { ...hit, extensions: { ...hit.extensions, cached: true } } } };
        },
        async willSendResponse(ctx: GraphQLRequestContextWillSendResponse<ApiContext>) {
          if (!key || ctx.response.body.kind !== 'single' || ctx.response.body.singleResult.errors) return;
          const { data, extensions } = ctx.response.body.singleResult;
          if (data) dataJson.set(data, JSON.stringify(data));
          cache.set(key, { data, extensions: { ...extensions, cypherRoundTrips: 0 } });
        },
      };
    },
  };
}
