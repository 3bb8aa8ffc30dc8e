// Answers to read queries, kept per graph version. The graph changes only when documents are
// loaded, so the same question asked again (the explorer's questions, an analyst's script in a
// loop) is answered from memory. The version (document count, last load time) is re-read at most
// once per `checkEveryMs`; this server's own ingest clears the cache at once, a load by another
// process is seen within that interval. The answers hold no per-user data: the API has none.
//
// Bounded in bytes (an LRU of at most `maxBytes`, no single answer above an eighth of it), keyed
// by the normalised operation (printed AST: whitespace and comments do not matter, and a persisted
// query's hash-only request gets the key of the query it stands for), its operation name and
// variables. Questions about the service itself (health) are never cached, and a cached answer
// looks exactly like a fresh one.
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { createHash } from 'node:crypto';
import { Kind, print, type DocumentNode, type FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { isProps } from '../query/props.js';
import type { ApiContext } from './context.js';

/** Root fields whose answer describes the service's state right now. */
const NEVER_CACHED = new Set(['health']);

/** Only the answer's JSON is kept: its size is known exactly, unlike an object graph's. */
interface Entry {
  json: string;
  roundTrips: number;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  private version: string | null = null;
  private checkedAt = 0;
  /**
   * Bumped whenever what the cache holds may be stale (invalidate, a new graph version). An
   * answer is stored only if no bump happened while it was read: a read that straddles a write
   * may mix two versions of a document, and must never outlive the request that read it.
   */
  private generation = 0;
  /** Stores still checking the version (tests and operators wait on them with settled()). */
  private readonly pending = new Set<Promise<boolean>>();

  // Its own runner: the version check (at most one a second) is the cache's cost, not a
  // request's, so `cypherRoundTrips` keeps counting what the question itself needed.
  private readonly runner: QueryRunner;

  constructor(
    private readonly db: Database,
    readonly maxBytes = 64 * 1024 * 1024,
    private readonly checkEveryMs = 1000,
  ) {
    this.runner = new QueryRunner(db);
    // JSON text with CJK is a two-byte string in V8; plus the key and the entry's own overhead.
    this.entries = new LRUCache<string, Entry>({ maxSize: maxBytes, maxEntrySize: Math.floor(maxBytes / 8), sizeCalculation: (e) => e.json.length * 2 + 200 });
  }

  /**
   * Re-reads the graph version when the last reading is older than checkEveryMs. False when the
   * version cannot be read (database down): the cache is then emptied and bypassed, so the
   * request runs and reports the outage instead of an answer nobody can vouch for.
   */
  async refresh(): Promise<boolean> {
    if (!this.db.isUp()) {
      this.invalidate();
      return false;
    }
    const now = Date.now();
    if (now - this.checkedAt < this.checkEveryMs) return true;
    this.checkedAt = now;
    try {
      const rec = (await this.runner.read('graph-version', {}, 2_000)).records[0];
      const version = `${rec?.get('documents')}|${rec?.get('lastLoad')}`;
      if (version !== this.version) {
        this.entries.clear();
        this.generation++;
      }
      this.version = version;
      return true;
    } catch {
      this.invalidate();
      return false;
    }
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: Entry): void {
    this.entries.set(key, entry);
  }

  /** What a request notes before it reads: the generation its answer belongs to. */
  get currentGeneration(): number {
    return this.generation;
  }

  /**
   * Stores an answer read under `generation` only if the graph has not changed since: neither
   * this server's write (invalidate) nor another process's load (the version, re-read now, not
   * at the once-a-second pace: a load by another process that committed while the answer was
   * read would otherwise be served from here until the next check). Runs after the answer has
   * been sent, so the extra read costs the client nothing.
   */
  storeIfUnchanged(key: string, entry: Entry, generation: number, readOneState: () => Promise<boolean> = () => Promise.resolve(true)): Promise<boolean> {
    // A commit applied while the answer was read may not have moved the version yet: the
    // request's own reading of the write counts (src/db/consistency.ts) says whether it did.
    const store = readOneState()
      .then((one) => one && this.store(key, entry, generation))
      .catch(() => false);
    this.pending.add(store);
    void store.finally(() => this.pending.delete(store));
    return store;
  }

  /** Resolves once every answer sent so far is stored (or known not to be). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async store(key: string, entry: Entry, generation: number): Promise<boolean> {
    if (generation !== this.generation || !this.db.isUp()) return false;
    this.checkedAt = 0;
    if (!(await this.refresh()) || generation !== this.generation) return false;
    this.entries.set(key, entry);
    return true;
  }

  /** Bytes held now (as accounted: never above maxBytes). */
  get size(): number {
    return this.entries.calculatedSize;
  }

  invalidate(): void {
    this.entries.clear();
    this.checkedAt = 0;
    this.generation++;
  }
}

// The JSON of each answer's data, made once: a stored answer is serialized once, and a hit hands
// Apollo an empty stand-in object whose JSON is the cached text (no parse, no second serialize).
const dataJson = new WeakMap<object, string>();

/** Apollo's stringifyResult: compact JSON, reusing a cached answer's serialized data. */
export function stringifyResult(value: FormattedExecutionResult): string {
  const json = value.data && !value.errors ? dataJson.get(value.data) : undefined;
  if (json === undefined) return JSON.stringify(value);
  return value.extensions ? `{"data":${json},"extensions":${JSON.stringify(value.extensions)}}` : `{"data":${json}}`;
}

/** The cache key, or null when this operation must not be cached. */
export function cacheKey(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | null {
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && def.name?.value !== operationName) continue;
    if (def.operation !== 'query') return null;
    for (const sel of def.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD || NEVER_CACHED.has(sel.name.value)) return null;
    }
  }
  return createHash('sha256')
    .update(print(document))
    .update('\0')
    .update(operationName ?? '')
    .update('\0')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      let generation = -1;
      return {
        async responseForOperation(ctx) {
          key = cacheKey(ctx.document, ctx.operationName, ctx.request.variables);
          if (key === null) return null;
          if (!(await cache.refresh())) {
            key = null;
            return null;
          }
          generation = cache.currentGeneration;
          const hit = cache.get(key);
          if (!hit) return null;
          key = null; // nothing to store
          ctx.contextValue.cachedRoundTrips = hit.roundTrips;
          if (ctx.contextValue.readsData) return { http: ctx.response.http, body: { kind: 'single', singleResult: { data: cachedData(hit.json) } } };
          const standIn = {};
          dataJson.set(standIn, hit.json);
          return { http: ctx.response.http, body: { kind: 'single', singleResult: { data: standIn } } };
        },
        async willSendResponse(ctx: GraphQLRequestContextWillSendResponse<ApiContext>) {
          if (!key || ctx.response.body.kind !== 'single' || ctx.response.body.singleResult.errors) return;
          const { data } = ctx.response.body.singleResult;
          if (!data) return;
          const json = JSON.stringify(data);
          dataJson.set(data, json);
          // Not awaited: the answer goes out now; it is kept only if the graph did not change meanwhile.
          const { runner } = ctx.contextValue;
          void cache.storeIfUnchanged(key, { json, roundTrips: runner.roundTrips }, generation, () => runner.readOneState());
        },
      };
    },
  };
}

/** A cached answer's data (JSON of an object the server itself stored), checked to be an object. */
function cachedData(json: string): Record<string, unknown> {
  const data: unknown = JSON.parse(json);
  if (isProps(data)) return data;
  throw new Error('response cache: a stored answer is not an object');
}
