// Relay's Node: every object with an identity has a global id, and node(id) / nodes(ids) give the
// same object back, typed — for every kind the schema declares as implementing Node.
import { isObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';
import { startApi, type ApiFixture } from './helpers.js';

let api: ApiFixture;
let schema: GraphQLSchema;
beforeAll(async () => {
  api = await startApi();
  schema = await buildApiSchema();
});
afterAll(async () => api?.stop());

/** One query that reaches at least one object of every Node type in the bundled documents. */
const REACH = `{
  departments { id name units { id name } }
  documents(first: 10) { nodes { id file } }
  projects(first: 3) { nodes { id name } }
  investmentProjects(first: 2) { nodes { id code } }
  classificationCode(code: "2010504") { id code }
  codeFeeds(code: "2010504", first: 2) { edges { node { id amount } } }
}`;

/** Every fact list of one document. */
const FACTS = `query($id: ID!) { document(id: $id) { id
    functionLines { id code }
    threeCosts { id }
    figures { id }
    tableTotals { id }
    proseAmounts { id item }
    payments { id }
    indicators { id name }
    selfEvaluations { id }
    anomalies { id }
    projects { id listings { id } indicators { id } }
} }`;

function collectIds(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) collectIds(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) k === 'id' && typeof v === 'string' ? out.push(v) : collectIds(v, out);
  return out;
}

describe('node(id)', () => {
  it('refetches one object of every type that implements Node, as that type, with the same id', async () => {
    const res = await api.gql(REACH);
    expect(res.errors).toBeUndefined();
    const ids = collectIds(res.data, []);
    for (const d of res.data.documents.nodes as { id: string }[]) {
      const facts = await api.gql(FACTS, { id: d.id });
      expect(facts.errors).toBeUndefined();
      collectIds(facts.data, ids);
    }
    // The prefix of an id is its object's __typename (#42 item 3): what Relay and Apollo key by.
    const byType = new Map<string, string>();
    for (const id of ids) byType.set(id.slice(0, id.indexOf(':')), byType.get(id.slice(0, id.indexOf(':'))) ?? id);

    const implementing = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node')).map((t) => t.name);
    for (const type of implementing) {
      const id = byType.get(type);
      expect(id, `no id prefixed ${type}: reached by the query`).toBeDefined();
      const back = await api.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(back.errors, `${type} ${id}`).toBeUndefined();
      expect(back.data.node, `${type} ${id}`).toEqual({ __typename: type, id });
    }
    expect(implementing.length).toBeGreaterThanOrEqual(18);
  });

  it('a code\'s id starts with its type, so `... on ClassificationCode` reads it; the old "FunctionCode:…" id is still taken', async () => {
    const res = await api.gql(`{ classificationCode(code: "2010504") { id key } search(text: "2010504", first: 1) { id } }`);
    expect(res.data.classificationCode).toEqual({ id: 'ClassificationCode:FunctionCode:2010504', key: 'FunctionCode:2010504' });
    expect(res.data.search[0].id).toBe(res.data.classificationCode.id);
    for (const id of ['ClassificationCode:FunctionCode:2010504', 'FunctionCode:2010504']) {
      const back = await api.gql(`query($id: ID!) { node(id: $id) { __typename id ... on ClassificationCode { code scheme } } neighbours(id: $id, first: 1) { center { id } } }`, { id });
      expect(back.errors, id).toBeUndefined();
      expect(back.data.node).toEqual({ __typename: 'ClassificationCode', id: 'ClassificationCode:FunctionCode:2010504', code: '2010504', scheme: 'FUNCTION' });
      expect(back.data.neighbours.center.id).toBe('ClassificationCode:FunctionCode:2010504');
    }
  });

  it('node("Department:龙岗") is the department the filters take "龙岗" for; a name several share is a BAD_USER_INPUT naming them', async () => {
    const filtered = await api.gql(`{ documents(filter: {department: "龙岗"}) { nodes { department { id name } } } }`);
    const departments = new Set((filtered.data.documents.nodes as { department: { id: string } }[]).map((d) => d.department.id));
    expect(departments.size).toBe(1);
    const res = await api.gql(`{ short: node(id: "Department:龙岗") { __typename id ... on Department { name } } none: node(id: "Department:无此部门") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.short.id).toBe([...departments][0]);
    expect(res.data.short.__typename).toBe('Department');
    expect(res.data.none).toBeNull();
    // 区 is in every department's name: no guess which one.
    const all = await api.gql(`{ departments(name: "区") { id } }`);
    expect(all.data.departments.length).toBeGreaterThan(1);
    const several = await api.gql(`{ node(id: "Department:区") { id } }`);
    expect(several.status).toBe(400);
    expect(several.errors?.[0]?.message).toMatch(/names \d+ departments/);
  });

  it('node("Document:<file name>") and document(id: <file name>) find the document the filters\' file / document take that name for', async () => {
    const file = '004_977ad1fe0b13bb92.txt';
    const filtered = await api.gql(`query($f: String!) { documents(filter: {file: $f}) { nodes { id file } } }`, { f: file });
    expect(filtered.data.documents.nodes).toEqual([{ id: 'Document:004_977ad1fe0b13bb92', file }]);
    const res = await api.gql(`query($n: ID!, $other: ID!, $f: ID!) {
      byFile: node(id: $n) { id }
      otherExtension: node(id: $other) { id }
      plain: document(id: $f) { id }
      bundled: document(id: $f) { id functionLines { code } }
    }`, { n: `Document:${file}`, other: 'Document:004_977ad1fe0b13bb92.pdf', f: file });
    expect(res.errors).toBeUndefined();
    expect(res.data.byFile).toEqual({ id: 'Document:004_977ad1fe0b13bb92' });
    expect(res.data.otherExtension).toBeNull();
    expect(res.data.plain).toEqual({ id: 'Document:004_977ad1fe0b13bb92' });
    expect(res.data.bundled.id).toBe('Document:004_977ad1fe0b13bb92');
    expect(res.data.bundled.functionLines.length).toBeGreaterThan(0);
  });

  it('list filters by the one naming rule (yearIn, codeIn, documentKindIn, kindIn) answer as the deprecated names did; both at once is a 400', async () => {
    const q = (filter: string, years: string) => `{
      aggregate(measure: TOTAL, groupBy: [YEAR], filter: {department: "龙岗", ${filter}}) { cells { year amount } }
      codeFeeds(code: "2010504", department: "龙岗", ${years}, first: 100) { totalCount }
      projectsFeedingCode(code: "2010504", department: "龙岗", ${years}) { id }
      classificationCode(code: "2010504") { lines(${years}) { id } }
    }`;
    const now = await api.gql(q('yearIn: [2024], codeIn: ["2010504"], documentKindIn: [BUDGET]', 'yearIn: [2024]'));
    const old = await api.gql(q('years: [2024], codes: ["2010504"], documentKinds: [BUDGET]', 'years: [2024]'));
    expect(now.errors).toBeUndefined();
    expect(now.data).toEqual(old.data);
    expect(now.data.aggregate.cells.map((c: { year: number }) => c.year)).toEqual([2024]);
    expect(now.data.projectsFeedingCode.length).toBeGreaterThan(0);
    const both = await api.gql(`{ aggregate(measure: TOTAL, filter: {yearIn: [2024], years: [2020]}) { cells { amount } } }`);
    expect(both.status).toBe(400);
    expect(both.errors?.[0]?.message).toMatch(/years is the old name of yearIn/);
  });

  it('reads the refetched object with its own fields (a Project, a BudgetLine, a CodeFeed)', async () => {
    const feed = await api.gql(`{ codeFeeds(code: "2010504", department: "龙岗", years: [2024], first: 1) { edges { node { id amount project { id name } } } } }`);
    const row = feed.data.codeFeeds.edges[0].node;
    const back = await api.gql(`query($f: ID!, $p: ID!) {
      f: node(id: $f) { ... on CodeFeed { amount project { name } } }
      p: node(id: $p) { ... on Project { name allocations { year } } }
    }`, { f: row.id, p: row.project.id });
    expect(back.errors).toBeUndefined();
    expect(back.data.f).toEqual({ amount: row.amount, project: { name: row.project.name } });
    expect(back.data.p.name).toBe(row.project.name);
    expect(back.data.p.allocations.length).toBeGreaterThan(0);
  });

  it('nodes(ids) keeps the order asked, null for an id nothing has; a malformed id is a 400 BAD_USER_INPUT', async () => {
    const docs = await api.gql(`{ documents(first: 2) { nodes { id } } }`);
    const [a, b] = docs.data.documents.nodes.map((d: { id: string }) => d.id);
    const res = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [b, 'Document:no-such-document', a] });
    expect(res.data.nodes).toEqual([{ id: b }, null, { id: a }]);
    const bad = await api.gql(`{ node(id: "no colon here") { id } }`);
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, (_, i) => `Document:${i}`) });
    expect(tooMany.status).toBe(400);
  });

  it('the global id is the one search and neighbours use, and root lookups take it as well as the bare key', async () => {
    const p = await api.gql(`{ projects(filter: {name: "信息"}, first: 1) { nodes { id name } } }`);
    const project = p.data.projects.nodes[0];
    expect(project.id).toMatch(/^Project:/);
    const n = await api.gql(`query($id: ID!) { neighbours(id: $id, first: 1) { center { id } } project(id: $id) { name } }`, { id: project.id });
    expect(n.data.neighbours.center.id).toBe(project.id);
    expect(n.data.project.name).toBe(project.name);
    const bare = await api.gql(`query($id: ID!) { project(id: $id) { id } }`, { id: project.id.slice('Project:'.length) });
    expect(bare.data.project.id).toBe(project.id);
  });
});
