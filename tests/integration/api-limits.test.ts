// Limits, authorisation and DataLoader batching of the GraphQL API, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRunner } from '../../src/db/run.js';
import { startApi, type ApiFixture } from './helpers.js';

const TOKEN = 'test-token-0123456789';
let api: ApiFixture;
beforeAll(async () => {
  api = await startApi(TOKEN);
});
afterAll(async () => api?.stop());

const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

describe('limits reject abusive queries with a code', () => {
  it('refuses a page larger than 100 (BAD_USER_INPUT)', async () => {
    const res = await api.gql(`{ projects(first: 101) { totalCount } }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/between 0 and 100/);
  });

  it('refuses a query nested deeper than 12 (QUERY_TOO_COMPLEX)', async () => {
    const deep = `{ documents { nodes { department { documents { department { documents { department { documents { department { documents { department { documents { id } } } } } } } } } } } } }`;
    const res = await api.gql(deep);
    expect(codeOf(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/levels deep; the limit is 12/);
  });

  it('refuses a query whose estimated cost is too high (QUERY_TOO_COMPLEX)', async () => {
    const wide = `{ projects(first: 100) { nodes { allocations { document { projects { indicators { source { document { functionLines { code } } } } } } } } } }`;
    const res = await api.gql(wide);
    expect(codeOf(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.extensions?.cost).toBeGreaterThan(res.errors?.[0]?.extensions?.maxCost);
  });

  it('bounds paths in hops', async () => {
    const res = await api.gql(`{ paths(from: "FunctionCode:2010504", to: "FunctionCode:201", maxHops: 7) { length } }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('rejects a malformed node id and a malformed cursor with what to do', async () => {
    const a = await api.gql(`{ neighbours(id: "2010504") { totalCount } }`);
    expect(codeOf(a)).toBe('BAD_USER_INPUT');
    expect(a.errors?.[0]?.message).toMatch(/FunctionCode:2010504/);
    const b = await api.gql(`{ documents(after: "nonsense") { totalCount } }`);
    expect(codeOf(b)).toBe('BAD_USER_INPUT');
  });

  it('answers introspection (tools need it) despite its depth', async () => {
    const res = await api.gql(`{ __schema { queryType { fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } } }`);
    expect(res.errors).toBeUndefined();
  });
});

describe('the public API is read-only; ingest needs the token', () => {
  const good = `2025年深圳市示例区测试局部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.00\t4.00\t6.00\n201\t一般公共服务支出\t10.00\t4.00\t6.00\n`;

  it('refuses ingest without the token (UNAUTHENTICATED) and writes nothing', async () => {
    const before = await documentCount(api);
    const res = await api.gql(`mutation($t: String!) { ingest(name: "x.txt", text: $t) { status } }`, { t: good });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    const wrong = await api.gql(`mutation($t: String!) { ingest(name: "x.txt", text: $t) { status } }`, { t: good }, { authorization: 'Bearer not-the-token' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(await documentCount(api)).toBe(before);
  });

  it('refuses a bad document with its file and line, and leaves the graph unchanged', async () => {
    const before = await documentCount(api);
    const res = await api.gql(`mutation($t: String!) { ingest(name: "broken.txt", text: $t) { status } }`, { t: '这不是预算文件\n只有两行\n' }, { authorization: `Bearer ${TOKEN}` });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions).toMatchObject({ reason: 'BAD_DOCUMENT', file: 'broken.txt', line: expect.any(Number) });
    expect(res.errors?.[0]?.message).toMatch(/^broken\.txt:\d+: /);
    expect(await documentCount(api)).toBe(before);
  });

  it('loads a good document with the token, once', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const first = await api.gql(`mutation($t: String!) { ingest(name: "example.txt", text: $t) { status records nodesCreated } }`, { t: good }, auth);
    expect(first.errors).toBeUndefined();
    expect(first.data.ingest).toMatchObject({ status: 'LOADED' });
    const again = await api.gql(`mutation($t: String!) { ingest(name: "example.txt", text: $t) { status nodesCreated } }`, { t: good }, auth);
    expect(again.data.ingest).toEqual({ status: 'UNCHANGED', nodesCreated: 0 });
    const doc = await api.gql(`{ document(id: "example") { year total functionLines { code total basic project source { line } } } }`);
    expect(doc.data.document).toEqual({ year: 2025, total: '10.00', functionLines: [{ code: '201', total: '10.00', basic: '4.00', project: '6.00', source: { line: 9 } }] });
    await new QueryRunner(api.db).write('load-delete-document', { file: 'example.txt' });
  });
});

describe('DataLoaders: round-trips do not grow with the rows', () => {
  const nested = `query($id: ID!) { document(id: $id) { projects { name amount project { id name level } unit { name } functionCode { code name } codeLink { method evidence { line } } indicators { name target } selfEvaluations { rate } listings { amount source { line document { file } } } } } }`;

  it('runs the same number of Cypher statements for 14 and for 33 allocations', async () => {
    const small = await api.gql(nested, { id: '000_5c682a4da5e2a113' });
    const large = await api.gql(nested, { id: '004_977ad1fe0b13bb92' });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.document.projects.length).toBe(14); // 12 projects; two are printed for a second unit too
    // 30 projects and the three whose 自评综述 wraps over a blank line (004 lines 512, 646, 680).
    expect(large.data.document.projects.length).toBe(33);
    const a = small.extensions?.cypherRoundTrips;
    const b = large.extensions?.cypherRoundTrips;
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
    expect(b).toBeLessThanOrEqual(12);
  });

  it('answers 50 allocations across documents with their project, unit, code and indicators in a fixed number of statements', async () => {
    const res = await api.gql(`{ projects(first: 50) { nodes { allocations { amount project { name } unit { name } functionCode { code } indicators { name } } } } }`);
    expect(res.errors).toBeUndefined();
    const allocations = (res.data.projects.nodes as any[]).flatMap((p) => p.allocations);
    expect(allocations.length).toBeGreaterThanOrEqual(50);
    // projects page, allocations (which bring their project, unit and code links), codes, indicators = 4.
    expect(res.extensions?.cypherRoundTrips).toBe(4);
  });
});

describe('answer cache', () => {
  it('answers a repeated query from memory, and not after a document changes the graph', async () => {
    const q = `{ anomalies(filter: {document: "001_958a9ca9db32ab73"}) { totalCount nodes { kind delta } } }`;
    api.server.cache!.invalidate();
    const first = await api.gql(q);
    // Stored after it was sent, once the graph version is read again (a torn read is never kept).
    await api.server.cache!.settled();
    const held = api.server.cache!.size;
    expect(held).toBeGreaterThan(0);
    const second = await api.gql(q);
    expect(api.server.cache!.size).toBe(held); // answered from the entry, not stored again
    // A cached answer looks exactly like a fresh one: no hint of who asked before.
    expect(second.extensions).toEqual(first.extensions);
    expect(second.extensions).not.toHaveProperty('cached');
    expect(second.data).toEqual(first.data);
    const text = `2025年深圳市示例区缓存局部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.00\t4.00\t6.00\n201\t一般公共服务支出\t10.00\t4.00\t6.00\n`;
    const before = await api.gql(`{ documents { totalCount } }`);
    await api.gql(`{ documents { totalCount } }`);
    const loaded = await api.gql(`mutation($t: String!) { ingest(name: "cache-test.txt", text: $t) { status } }`, { t: text }, { authorization: `Bearer ${TOKEN}` });
    expect(loaded.data.ingest.status).toBe('LOADED');
    const after = await api.gql(`{ documents { totalCount } }`);
    expect(after.extensions).not.toHaveProperty('cached');
    expect(after.data.documents.totalCount).toBe(before.data.documents.totalCount + 1);
    await new QueryRunner(api.db).write('load-delete-document', { file: 'cache-test.txt' });
  });
});

async function documentCount(api: ApiFixture): Promise<number> {
  const res = await api.gql(`{ health { documents } }`);
  return res.data.health.documents;
}
