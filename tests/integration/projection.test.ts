// Statements that return only what the selection reads (src/query/projection.ts): document(id)'s
// lines and projects, and the department, unit and project of each project → code link. Given any
// selection, the answer must equal the one given from whole rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { startApi, type ApiFixture } from './helpers.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { ALLOCATION_PROJECTION, LINE_PROJECTION } from '../../src/query/projection.js';

let api: ApiFixture;
let schema: GraphQLSchema;
let ids: string[];
beforeAll(async () => {
  api = await startApi();
  schema = await buildApiSchema();
  const res = await api.gql(`{ documents(first: 20) { nodes { id } } }`);
  ids = res.data.documents.nodes.map((d: { id: string }) => d.id);
});
afterAll(async () => api?.stop());

/** Every leaf of a type, objects one level down by their leaves (lists of sources included). */
function leaves(type: GraphQLObjectType, depth = 1): string {
  return Object.values(type.getFields())
    .filter((f) => f.args.every((a) => a.type.toString().endsWith('!') === false))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      return depth > 0 && isObjectType(named) ? `${f.name} { ${leaves(named, depth - 1) || '__typename'} }` : `${f.name} { __typename }`;
    })
    .join(' ');
}

/** The same selection under document(id) and under documents() (the loaders), for each document. */
async function bothWays(selection: string, fragments = ''): Promise<{ bundled: unknown[]; loaded: unknown[] }> {
  const bundled: unknown[] = [];
  const loaded: unknown[] = [];
  for (const id of ids) {
    const one = await api.gql(`{ document(id: ${JSON.stringify(id)}) { id ${selection} } } ${fragments}`);
    const many = await api.gql(`{ documents(filter: { file: ${JSON.stringify(id)} }, first: 1) { nodes { id ${selection} } } } ${fragments}`);
    expect(one.errors, selection).toBeUndefined();
    expect(many.errors, selection).toBeUndefined();
    bundled.push(one.data.document);
    loaded.push(many.data.documents.nodes[0]);
  }
  return { bundled, loaded };
}

describe('a document’s lines and projects, fetched with it, answer as the loaders do', () => {
  it('for every field of BudgetLine alone, under each of the three line lists', async () => {
    const line = schema.getType('BudgetLine') as GraphQLObjectType;
    let lines = 0;
    for (const field of Object.values(line.getFields())) {
      const named = getNamedType(field.type);
      const sel = isLeafType(named) ? field.name : `${field.name} { ${isObjectType(named) ? leaves(named, 0) : '__typename'} }`;
      const { bundled, loaded } = await bothWays(`functionLines { ${sel} } economicLines { ${sel} } procurementLines { ${sel} }`);
      expect(bundled, field.name).toEqual(loaded);
      lines = (bundled as { functionLines: unknown[] }[]).reduce((n, d) => n + d.functionLines.length, 0);
    }
    expect(lines).toBeGreaterThan(100);
  });

  it('for every field of ProjectAllocation alone', async () => {
    const allocation = schema.getType('ProjectAllocation') as GraphQLObjectType;
    for (const field of Object.values(allocation.getFields())) {
      const named = getNamedType(field.type);
      const sel = isLeafType(named) ? field.name : `${field.name} { ${isObjectType(named) ? leaves(named, 0) : '__typename'} }`;
      const { bundled, loaded } = await bothWays(`projects { ${sel} }`);
      expect(bundled, field.name).toEqual(loaded);
    }
  });

  it('for parts of a source or a code link, aliases and fragments merged, and everything at once', async () => {
    const line = leaves(schema.getType('BudgetLine') as GraphQLObjectType);
    const allocation = leaves(schema.getType('ProjectAllocation') as GraphQLObjectType);
    for (const selection of [
      'functionLines { source { line } } projects { source { text } }',
      'projects { codeLink { method } } ',
      'projects { codeLinks { code name note } functionCode { code } }',
      'projects { codeLink { method } codeLinks { evidence { line text } } }',
      'a: functionLines { total } b: functionLines { name basic } c: economicLines { ...L }',
      'projects { ... on ProjectAllocation { amount unit { name isSelf } project { name names department { name } } } }',
      `functionLines { ${line} } economicLines { ${line} } projects { ${allocation} }`,
    ]) {
      const { bundled, loaded } = await bothWays(selection, selection.includes('...L') ? 'fragment L on BudgetLine { code source { table } }' : '');
      expect(bundled, selection).toEqual(loaded);
    }
  });

  it('reads one statement, and only the properties selected', async () => {
    const res = await api.gql(`{ document(id: ${JSON.stringify(ids[0])}) { functionLines { code total source { line } } projects { name codeLink { method } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cypherRoundTrips).toBe(1);
  });

  it('declares every field of both types, so none falls back to reading every property', () => {
    for (const [type, decl] of [['BudgetLine', LINE_PROJECTION], ['ProjectAllocation', ALLOCATION_PROJECTION]] as const) {
      const fields = Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
      expect(fields.filter((f) => !(f in decl.fields)), type).toEqual([]);
    }
  });
});

describe('a project → code link’s department, unit and project, slim unless more is read, answer as whole ones do', () => {
  const roots = [`codeFeeds(code: "2010504", first: 10) { nodes { %s } }`, `projectsFeedingCode(code: "2010504", department: "龙岗", yearIn: [2020]) { %s }`];
  const rowsOf = (data: Record<string, any>): Record<string, any>[] => data.codeFeeds?.nodes ?? data.projectsFeedingCode;
  // The same neighbour reached through the link's allocation: by the loaders, whole.
  const through = { department: (sel: string) => `allocation { document { department { ${sel} } } }`, unit: (sel: string) => `allocation { unit { ${sel} } }`, project: (sel: string) => `allocation { project { ${sel} } }` };
  const truth = { department: (r: Record<string, any>) => r.allocation.document.department, unit: (r: Record<string, any>) => r.allocation.unit, project: (r: Record<string, any>) => r.allocation.project };

  it('for every field of Department, BudgetUnit and Project, under both questions', async () => {
    let rows = 0;
    for (const [neighbour, typeName] of [['department', 'Department'], ['unit', 'BudgetUnit'], ['project', 'Project']] as const) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      // A link's project has no amount of its own (null): the allocation's project neither.
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const sel = isLeafType(named) ? field.name : `${field.name} { ${isObjectType(named) ? leaves(named, 0) : '__typename'} }`;
        for (const root of roots) {
          const res = await api.gql(`{ ${root.replace('%s', `${neighbour} { ${sel} } ${through[neighbour](sel)}`)} }`);
          expect(res.errors, `${root} ${sel}`).toBeUndefined();
          const found = rowsOf(res.data);
          expect(found.map((r) => r[neighbour]), `${root} ${neighbour} { ${sel} }`).toEqual(found.map(truth[neighbour]));
          rows = Math.max(rows, found.length);
        }
      }
    }
    expect(rows).toBeGreaterThan(4);
  });

  it('reads one statement when a unit’s or project’s department is asked through it', async () => {
    const res = await api.gql(`{ codeFeeds(code: "2010504", first: 20) { nodes { unit { name department { name } } project { name department { id } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cypherRoundTrips).toBe(1);
  });
});

/** The same selection of each project, read through project(id): the loaders' whole rows. */
async function throughProjectById(ids: string[], selection: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  // At most 30 aliases a request (the API's limit).
  for (let at = 0; at < ids.length; at += 30) {
    const chunk = ids.slice(at, at + 30);
    const res = await api.gql(`{ ${chunk.map((id, i) => `p${i}: project(id: ${JSON.stringify(id)}) { ${selection} }`).join(' ')} }`);
    expect(res.errors, selection).toBeUndefined();
    out.push(...chunk.map((_, i) => res.data[`p${i}`]));
  }
  return out;
}

describe('a projects() page: names and the department’s aliases read only when selected', () => {
  const pages = ['projects(first: 100, orderBy: [{field: AMOUNT, direction: DESC}]) { nodes { %s } }', 'projects(first: 50, filter: { year: 2020 }) { edges { node { %s } } }', 'projects(first: 50) { nodes { %s } }'];
  const rowsOf = (data: Record<string, any>): Record<string, unknown>[] => data.projects.nodes ?? data.projects.edges.map((e: { node: unknown }) => e.node);

  it('for every field of Project and of its department, on the three statements a page can use', async () => {
    const project = schema.getType('Project') as GraphQLObjectType;
    const department = schema.getType('Department') as GraphQLObjectType;
    const selection = (f: import('graphql').GraphQLField<unknown, unknown>) => {
      const named = getNamedType(f.type);
      return isLeafType(named) ? f.name : `${f.name} { ${isObjectType(named) ? leaves(named, 0) : '__typename'} }`;
    };
    // amount is the page's own figure (Σ in the years asked): project(id) has none to compare.
    const selections = [
      ...Object.values(project.getFields()).filter((f) => f.args.length === 0 && f.name !== 'amount').map(selection),
      ...Object.values(department.getFields()).map((f) => `department { ${selection(f)} }`),
    ];
    let compared = 0;
    for (const sel of selections) {
      for (const page of pages) {
        const res = await api.gql(`{ ${page.replace('%s', `id ${sel}`)} }`);
        expect(res.errors, `${page} ${sel}`).toBeUndefined();
        const rows = rowsOf(res.data) as { id: string }[];
        expect(rows, `${page} ${sel}`).toEqual(await throughProjectById(rows.map((r) => r.id), `id ${sel}`));
        compared += rows.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('still one statement for the page with its departments', async () => {
    const res = await api.gql(`{ projects(first: 20) { nodes { name department { name } } } }`);
    expect(res.extensions?.cypherRoundTrips).toBe(1);
  });
});
