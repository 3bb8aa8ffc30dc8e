// The service under abuse and mistakes: every client error is a 4xx with a documented code,
// answered at once; ingest refuses what is not a document; removing a document restores the graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { getIntrospectionQuery } from 'graphql';
import { QueryRunner } from '../../src/db/run.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer } from '../../src/api/http-server.js';
import { startApi, type ApiFixture } from './helpers.js';

const TOKEN = 'hardening-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let api: ApiFixture;
beforeAll(async () => {
  api = await startApi(TOKEN);
});
afterAll(async () => api?.stop());

const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

async function raw(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, json: await res.json().catch(() => null), headers: res.headers };
}

const budget = (department: string, year: number, name201 = '一般公共服务支出') =>
  `${year}年深圳市${department}部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.00\t4.00\t6.00\n201\t${name201}\t10.00\t4.00\t6.00\n20101\t人大事务\t10.00\t4.00\t6.00\n`;

async function fingerprint(): Promise<{ nodes: string[]; relationships: string[] }> {
  const rec = (await new QueryRunner(api.db).read('test-graph-fingerprint')).records[0]!;
  const norm = (v: unknown): unknown =>
    neo4j.isInt(v) ? v.toString() : Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' && v.constructor === Object ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, norm(x)])) : typeof v === 'object' && v !== null ? String(v) : v;
  const nodes = (norm(rec.get('nodes')) as unknown[]).map((x) => JSON.stringify(x)).sort();
  const rels = (norm(rec.get('relationships')) as unknown[]).map((x) => JSON.stringify(x)).sort();
  return { nodes, relationships: rels };
}

describe('abusive requests get a 4xx with a code, and the server keeps answering', () => {
  it('refuses 100 aliases of neighbours before running any of them', async () => {
    const q = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: neighbours(id: "FunctionCode:201", first: 100) { nodes { properties } edges { properties } }`).join(' ')} }`;
    const [res, health] = await Promise.all([raw(JSON.stringify({ query: q })), api.gql('{ health { ok } }')]);
    expect(res.status).toBe(400);
    expect(codeOf(res.json)).toBe('QUERY_TOO_COMPLEX');
    expect(res.json.errors[0].extensions.limit).toBe('aliases');
    expect(health.data.health.ok).toBe(true);
  });

  it('refuses 2,500 aliases of health (each would be database work)', async () => {
    const res = await raw(JSON.stringify({ query: `{ ${Array.from({ length: 2500 }, (_, i) => `h${i}: health { ok }`).join(' ')} }` }));
    expect(res.status).toBe(400);
    expect(codeOf(res.json)).toBe('QUERY_TOO_COMPLEX');
  });

  it('checks a fragment fan-out (each fragment spreads the next twice, 24 levels) without expanding it', async () => {
    let q = 'query { health { ...G0 } }\n';
    for (let i = 0; i < 24; i++) q += `fragment G${i} on Health { ok ...G${i + 1} ...G${i + 1} }\n`;
    q += 'fragment G24 on Health { ok }\n';
    const started = Date.now();
    const res = await raw(JSON.stringify({ query: q }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    console.log(`fragment fan-out refused in ${Date.now() - started} ms`);
  });

  it('bounds a path search between two departments by the requested hops, answering or refusing promptly', async () => {
    const deps = await api.gql(`{ departments { id } }`);
    const [a, b] = deps.data.departments.map((d: { id: string }) => d.id);
    const res = await raw(JSON.stringify({ query: `{ paths(from: "${a}", to: "${b}", maxHops: 3) { length } }` }));
    // Refused by its cost (400), or out of time in a busy database (503 TIMEOUT, the service's state).
    expect([200, 400, 503]).toContain(res.status);
    if (res.status === 400) expect(codeOf(res.json)).toBe('QUERY_TOO_COMPLEX');
    else if (res.status === 503) expect(res.json.errors[0].extensions.reason).toBe('TIMEOUT');
    else for (const p of res.json.data.paths) expect(p.length).toBeLessThanOrEqual(3);
  });

  it('answers client mistakes with 4xx and what to do, never 500', async () => {
    const cases: [string, Record<string, string> | undefined, number, string][] = [
      [JSON.stringify({ query: '{ projects(first: 100) { nodes { allocations { document { projects { indicators { source { document { functionLines { code } } } } } } } } } }' }), undefined, 400, 'QUERY_TOO_COMPLEX'],
      [JSON.stringify({ query: 'query($n: Int!) { projects(first: $n) { totalCount } }', variables: { n: 'many' } }), undefined, 400, 'BAD_USER_INPUT'],
      [JSON.stringify({ query: 'query($n: Int!) { projects(first: $n) { totalCount } }' }), undefined, 400, 'BAD_USER_INPUT'],
      [JSON.stringify({ query: `{ documents(after: "${Buffer.from('offset:99999999999999999999').toString('base64url')}") { totalCount } }` }), undefined, 400, 'BAD_USER_INPUT'],
      ['{"query": "{ health { ok } ', undefined, 400, 'BAD_USER_INPUT'],
      [JSON.stringify({ query: '{ health { ok ' }), undefined, 400, 'GRAPHQL_PARSE_FAILED'],
    ];
    for (const [body, headers, status, code] of cases) {
      const res = await raw(body, headers);
      expect({ body: body.slice(0, 60), status: res.status, code: codeOf(res.json) }).toEqual({ body: body.slice(0, 60), status, code });
      expect(JSON.stringify(res.json)).not.toMatch(/Neo4j|Exception|\.java|at [A-Za-z]+\.|long overflow/);
    }
  });

  it('refuses a body over 2 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await raw(JSON.stringify({ query: `{ health { ok } } # ${'x'.repeat(2 * 1024 * 1024)}` }));
    expect(res.status).toBe(413);
    expect(codeOf(res.json)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a query of more than 5,000 tokens', async () => {
    const res = await raw(JSON.stringify({ query: `{ health { ${'ok '.repeat(6000)} } }` }));
    expect(res.status).toBe(400);
    expect(codeOf(res.json)).toBe('QUERY_TOO_COMPLEX');
  });

  it('searches for words that are Lucene operators as words', async () => {
    const res = await api.gql(`{ search(text: "信息 AND OR NOT (") { name } }`);
    expect(res.errors).toBeUndefined();
  });
});

describe('clients and caches', () => {
  it('answers the standard introspection query every GraphQL client sends', async () => {
    const res = await raw(JSON.stringify({ query: getIntrospectionQuery() }));
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.__schema.queryType.name).toBe('Query');
  });

  it('never answers a persisted-query hash with another query’s answer', async () => {
    const a = '{ documents { totalCount } }';
    const b = '{ departments { id } }';
    const hash = (q: string) => createHash('sha256').update(q).digest('hex');
    const ext = (q: string) => ({ persistedQuery: { version: 1, sha256Hash: hash(q) } });
    await raw(JSON.stringify({ query: b }));
    const unknown = await raw(JSON.stringify({ extensions: ext(a) }));
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    expect(codeOf(unknown.json)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await raw(JSON.stringify({ query: a, extensions: ext(a) }));
    const byHash = await raw(JSON.stringify({ extensions: ext(a) }));
    expect(byHash.json.data).toEqual(registered.json.data);
    expect(byHash.json.data).toHaveProperty('documents');
  });

  it('never caches health, and no answer says whether it came from the cache', async () => {
    api.server.cache!.invalidate();
    await api.gql('{ health { ok documents } }');
    await api.server.cache!.settled();
    expect(api.server.cache!.size).toBe(0);
    const again = await api.gql('{ health { ok documents } }');
    expect(again.extensions).not.toHaveProperty('cached');
  });

  it('keeps the answer cache within its byte bound', async () => {
    for (let i = 0; i < 40; i++) await api.gql(`{ a${i}: neighbours(id: "FunctionCode:201", first: 100) { nodes { properties } } }`);
    await api.server.cache!.settled();
    expect(api.server.cache!.size).toBeLessThanOrEqual(api.server.cache!.maxBytes);
    expect(api.server.cache!.size).toBeGreaterThan(0);
  });

  it('limits one client’s requests in flight and per second (429 RATE_LIMITED with Retry-After)', async () => {
    const server = await startHttpServer({ db: api.db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined, clientConcurrency: 2, clientRatePerSecond: 3 });
    try {
      const results = await Promise.all(Array.from({ length: 12 }, () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ documents { totalCount } }"}' })));
      const limited = results.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await limited[0]!.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await server.stop();
    }
  });

  it('behind a trusted proxy limits each real client (X-Forwarded-For); from anyone else the header changes nothing', async () => {
    const post = (url: string, forwardedFor: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: '{"query":"{ documents { totalCount } }"}' });
    // Sequential requests: the rate, not the concurrency, is what is measured.
    const burst = async (url: string, forwardedFor: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) statuses.push((await post(url, forwardedFor)).status);
      return statuses;
    };
    const behind = await startHttpServer({ db: api.db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined, clientRatePerSecond: 2, trustedProxies: '127.0.0.1' });
    const direct = await startHttpServer({ db: api.db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined, clientRatePerSecond: 2 });
    try {
      // The first client uses up its burst; a second client behind the same proxy still gets through.
      const first = await burst(behind.url, '203.0.113.1', 10);
      expect(first).toContain(429);
      expect((await post(behind.url, '203.0.113.2')).status).toBe(200);
      // Not trusted: every request is the socket's client, whatever the header says.
      const spoofed = await Promise.all(Array.from({ length: 10 }, (_, i) => burst(direct.url, `198.51.100.${i}`, 1)));
      expect(spoofed.flat()).toContain(429);
    } finally {
      await behind.stop();
      await direct.stop();
    }
  });
});

describe('the database is protected', () => {
  it('refuses Bolt connections without the generated password', async () => {
    const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'neo4j'));
    await expect(driver.getServerInfo()).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    await driver.close();
  });
});

describe('ingest refuses what is not a document, and removing a document restores the graph exactly', () => {
  const ingest = (name: string, text: string, replace = false) =>
    api.gql(`mutation($n: String!, $t: String!, $r: Boolean!) { ingest(name: $n, text: $t, replace: $r) { status replacedFiles } }`, { n: name, t: text, r: replace }, auth);

  it('refuses control characters and a title without tables, with file and line', async () => {
    const control = await ingest('control.txt', `2025年深圳市示例区测试局部门预算\n表一\u0001\n`);
    expect(control.status).toBe(400);
    expect(control.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_DOCUMENT', file: 'control.txt', line: 2 });
    const titleOnly = await ingest('title.txt', '2025年深圳市示例区测试局部门预算\n');
    expect(titleOnly.errors?.[0]?.extensions).toMatchObject({ reason: 'BAD_DOCUMENT', file: 'title.txt' });
    expect(titleOnly.errors?.[0]?.message).toMatch(/known family|not a budget document/);
  });

  it('keeps shared code names per year, refuses a second budget for the same department and year, and restores the graph on removal', async () => {
    const before = await fingerprint();
    const name201 = (await api.gql(`{ classificationCode(code: "201") { name } }`)).data.classificationCode.name;

    const first = await ingest('restore-a.txt', budget('示例区还原局', 2031, '一般公共服务支出（改名测试）'));
    expect(first.data.ingest.status).toBe('LOADED');
    const renamed = await api.gql(`{ classificationCode(code: "201") { name names { year name } } }`);
    expect(renamed.data.classificationCode.names).toContainEqual({ year: 2031, name: '一般公共服务支出（改名测试）' });

    const second = await ingest('restore-b.txt', budget('示例区还原局', 2031));
    expect(second.status).toBe(409);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', conflictsWith: ['restore-a.txt'] });

    const replaced = await ingest('restore-b.txt', budget('示例区还原局', 2031), true);
    expect(replaced.data.ingest).toEqual({ status: 'REPLACED', replacedFiles: ['restore-a.txt'] });
    expect((await api.gql(`{ classificationCode(code: "201") { names { year name } } }`)).data.classificationCode.names).not.toContainEqual({ year: 2031, name: '一般公共服务支出（改名测试）' });

    const removed = await api.gql(`mutation { removeDocument(name: "restore-b.txt") }`, {}, auth);
    expect(removed.data.removeDocument).toBe(true);
    expect((await api.gql(`{ classificationCode(code: "201") { name } }`)).data.classificationCode.name).toBe(name201);
    const after = await fingerprint();
    expect(after.nodes.filter((n) => !before.nodes.includes(n))).toEqual([]);
    expect(before.nodes.filter((n) => !after.nodes.includes(n))).toEqual([]);
    expect(after.relationships.filter((n) => !before.relationships.includes(n))).toEqual([]);
    expect(before.relationships.filter((n) => !after.relationships.includes(n))).toEqual([]);
    expect(after).toEqual(before);
  });

  it('pages do not shift when documents arrive or leave mid-paging, even the cursor’s own row', async () => {
    const page = async (after: string | null, first = 2) =>
      (await api.gql(`query($a: String, $f: Int) { documents(first: $f, after: $a) { nodes { file } pageInfo { endCursor hasNextPage } } }`, { a: after, f: first })).data.documents;
    const all: string[] = (await page(null, 100)).nodes.map((d: { file: string }) => d.file);
    const one = await page(null);
    // A newer document sorts before the cursor: an offset cursor would now repeat a row.
    expect((await ingest('paging-new.txt', budget('示例区翻页局', 2099))).data.ingest.status).toBe('LOADED');
    const two = await page(one.pageInfo.endCursor);
    expect([...one.nodes, ...two.nodes].map((d: { file: string }) => d.file)).toEqual(all.slice(0, 4));

    // The cursor's row leaves the graph: the next page starts where it stood.
    const first = await page(null, 1);
    expect(first.nodes[0].file).toBe('paging-new.txt');
    await api.gql(`mutation { removeDocument(name: "paging-new.txt") }`, {}, auth);
    expect((await page(first.pageInfo.endCursor)).nodes.map((d: { file: string }) => d.file)).toEqual(all.slice(0, 2));
  });

  it('parses a large document off the request thread while other requests are answered', async () => {
    // As large as a document may be (src/load/document-caps.ts: 5,000 table rows, the header one
    // of them); 40,000 rows are refused now (tests/integration/large-documents.test.ts).
    const rows = Array.from({ length: 4_999 }, (_, i) => `${201 + (i % 20)}\t项目${i}\t${i}.00\t0.00\t${i}.00`).join('\n');
    const text = `2032年深圳市示例区大文件局部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n${rows}\n`;
    const load = api.gql(`mutation($t: String!) { ingest(name: "large.txt", text: $t) { status parityErrors } }`, { t: text }, auth);
    const healthDuringLoad = await api.gql('{ health { ok } }');
    expect(healthDuringLoad.data.health.ok).toBe(true);
    const res = await load;
    expect(res.errors).toBeUndefined();
    expect(res.data.ingest).toEqual({ status: 'LOADED', parityErrors: [] });
    const lines = await api.gql(`{ document(id: "large") { functionLines { code } } }`);
    expect(lines.data.document.functionLines).toHaveLength(4_999);
    await api.gql(`mutation { removeDocument(name: "large.txt") }`, {}, auth);
  }, 180_000);
});
