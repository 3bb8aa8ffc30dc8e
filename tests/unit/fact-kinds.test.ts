// Each fact kind declared in src/model/kinds is the one list of its properties (#40 item 1).
// Part one holds every layer to the declaration: the served SDL, the read spec, the parser's
// records of a sample document, the load rows, the bundle projection, NODE_KINDS_DECL's term and
// money, the explorer's money keys and the bench peer's types. Part two is the add-a-field
// demonstration: a scratch copy of src/ (and the explorer's format.ts) gets one property line
// more in a kind's declaration, and the copy's own entry points (the API schema, the read spec,
// the bundle projection, the load rows, the money lists; loaders/ comes along, the resolvers
// import it) carry it with no other edit. A layer that keeps a hand list fails part two even
// when part one holds.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GraphQLNonNull, GraphQLObjectType, Kind, buildSchema, getNamedType, parse, type GraphQLField, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { FACT_KINDS, INVESTMENT_PROJECT } from '../../src/model/kinds/index.js';
import { apiName, defineKind, servedNullable, moneyStoredNames, propertiesOf, storedName, type FactKindDecl, type PropertyType, type RecordOf, type StoredOf } from '../../src/model/fact-kind.js';
import { NODE_KINDS_DECL, type NodeKindDecl } from '../../src/model/nodes.js';
import { MONEY_KEYS, isMoneyKey } from '../../web/src/format.js';
import { ALLOCATION_FIELDS, EVALUATION_FIELDS, INDICATOR_FIELDS, INVESTMENT_FIELDS, LINE_FIELDS, LISTING_FIELDS, PROJECT_FIELDS, THREE_COSTS_FIELDS, type InvestmentRow } from '../../src/query/records.js';
import { ALLOCATION_PROJECTION, LINE_PROJECTION } from '../../src/query/projection.js';
import { parseDocument } from '../../src/parse/index.js';
import type { InvestmentProject as ParsedInvestment } from '../../src/parse/records.js';
import { buildPlan } from '../../src/load/plan.js';
import { storedValuesOf } from '../../src/load/plan/stored.js';
import { peerTypeDefs } from '../../scripts/peer-type-defs.js';
import { THREE_COSTS_FIGURES, THREE_COSTS_FIGURE_NAMES } from '../../src/model/three-costs.js';
import { isKeyOf } from '../../src/keys.js';
import ts from 'typescript';

const root = join(import.meta.dirname, '../..');
// A list is named by its items' type (getNamedType): strings are String.
const SCALAR: Record<Exclude<PropertyType, 'enum'>, string> = { string: 'String', strings: 'String', int: 'Int', boolean: 'Boolean', money: 'Decimal' };

/** Each declared property as the API must serve it: name → [type, nullable, description]. */
function expectedFields(kind: FactKindDecl): Record<string, [string | undefined, boolean, string]> {
  return Object.fromEntries(propertiesOf(kind).map(([name, p]) => [apiName(name, p), [p.type === 'enum' ? (p.enumName ?? 'String') : SCALAR[p.type], servedNullable(p), p.description]]));
}

function servedFields(sdl: string, typeName: string): Record<string, [string, boolean, string]> {
  const type = buildSchema(sdl).getType(typeName);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${typeName} is not an object type of the SDL`);
  const out: Record<string, [string, boolean, string]> = {};
  for (const f of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) out[f.name] = [getNamedType(f.type).name, !(f.type instanceof GraphQLNonNull), f.description ?? ''];
  return out;
}

/** The served fields that are the kind's declared properties (the rest are relationships, ids, sources). */
function declaredPart(served: Record<string, [string, boolean, string]>, kind: FactKindDecl) {
  const names = new Set(Object.keys(expectedFields(kind)));
  return Object.fromEntries(Object.entries(served).filter(([n]) => names.has(n)));
}

// What each layer carries beside the declared properties: ids, the document's year, provenance,
// relationships. A name here that is also declared, or a declared one missing, fails.
const READ_CONTEXT: Record<keyof typeof FACT_KINDS, string[]> = {
  InvestmentProject: ['id', 'documentId', 'year', 'allocationIds', 'unitId'],
  Indicator: ['id', 'documentId', 'allocationId'],
  BudgetLine: ['id', 'documentId', 'unitId', 'year'],
  ThreeCosts: ['id', 'documentId'],
  SelfEvaluation: ['id', 'documentId', 'allocationId'],
  Project: ['id'],
  ProjectAllocation: ['id', 'projectId', 'documentId', 'unitId', 'year', 'normName', 'parentName', 'sourceKinds', 'funding'],
  ProjectListing: ['id', 'allocationId'],
};
// cellsRead (ReadsCells, parse/records.ts): the cells a table reader took for the record, beside its source.
const RECORD_CONTEXT: Record<keyof typeof FACT_KINDS, string[]> = {
  InvestmentProject: ['unit', 'rateSource', 'totalSource', 'source', 'fieldSources', 'cellsRead'],
  Indicator: ['project', 'source', 'cellsRead'],
  BudgetLine: ['unit', 'columns', 'source', 'cellsRead'],
  ThreeCosts: ['byFund', 'source', 'cellsRead'],
  SelfEvaluation: ['source', 'cellsRead'],
  // Project has no record of its own: its node is written from its allocations' rows.
  Project: [],
  // The record is one listing of the project; the load merges a document's listings into the allocation.
  ProjectAllocation: ['parent', 'unit', 'functionCode', 'functionName', 'sourceKind', 'source', 'funding', 'amountSource', 'amountRead', 'cellsRead'],
  // The same listing record: the allocation's properties are beside the listing's own.
  ProjectListing: ['level', 'executionRate', 'key', 'goal', 'justification', 'period', 'parent', 'unit', 'functionName', 'source', 'funding', 'amountSource', 'amountRead', 'cellsRead'],
};
const LOAD_CONTEXT: Record<keyof typeof FACT_KINDS, string[]> = {
  InvestmentProject: ['id', 'unitId', 'normName', 'fieldSources', 'year', 'searchText', 'srcTable', 'srcLine', 'srcText'],
  Indicator: ['id', 'ownerAllocationId', 'ownerInvestmentId', 'srcTable', 'srcLine', 'srcText'],
  BudgetLine: ['id', 'primary', 'fund', 'label', 'year', 'unitId', 'unitPrinted', 'columns', 'srcTable', 'srcLine', 'srcText'],
  ThreeCosts: ['id', 'byFund', 'srcTable', 'srcLine', 'srcText'],
  SelfEvaluation: ['id', 'allocationId', 'srcTable', 'srcLine', 'srcText'],
  Project: ['id'],
  ProjectAllocation: ['id', 'projectId', 'projectUnitId', 'unitRule', 'unitPrinted', 'unitTable', 'normName', 'parentName', 'year', 'unitId', 'sourceKinds', 'funding', 'searchText', 'srcTable', 'srcLine', 'srcText'],
  ProjectListing: ['id', 'allocationId', 'unit', 'srcTable', 'srcLine', 'srcText'],
};
/** Money a node kind stores beside its declared properties, derived by the load (not read from a record). */
const DERIVED_MONEY: Partial<Record<keyof typeof FACT_KINDS, string[]>> = { Project: ['allYearsAmountFen'] };
const READ_SPEC: Record<keyof typeof FACT_KINDS, object> = { InvestmentProject: INVESTMENT_FIELDS, Indicator: INDICATOR_FIELDS, BudgetLine: LINE_FIELDS, ThreeCosts: THREE_COSTS_FIELDS, SelfEvaluation: EVALUATION_FIELDS, Project: PROJECT_FIELDS, ProjectAllocation: ALLOCATION_FIELDS, ProjectListing: LISTING_FIELDS };
/** A bundled document that prints forms of the kind (data/); null where the kind has no record or row of its own. */
const SAMPLE: Record<keyof typeof FACT_KINDS, { file: string; records: ((d: ReturnType<typeof parseDocument>) => object[]) | null; rows: ((p: ReturnType<typeof buildPlan>) => object[]) | null }> = {
  InvestmentProject: { file: '004_977ad1fe0b13bb92.txt', records: (d) => d.investmentProjects, rows: (p) => p.investments },
  Indicator: { file: '004_977ad1fe0b13bb92.txt', records: (d) => d.indicators, rows: (p) => p.indicators },
  BudgetLine: { file: '004_977ad1fe0b13bb92.txt', records: (d) => d.lines, rows: (p) => p.lines },
  ThreeCosts: { file: '000_5c682a4da5e2a113.txt', records: (d) => d.threeCosts, rows: (p) => p.threeCosts },
  SelfEvaluation: { file: '004_977ad1fe0b13bb92.txt', records: (d) => d.selfEvaluations, rows: (p) => p.evaluations },
  // Written by cypher/load-allocations.cypher from its allocations' rows (every name printed, the first, the normalised).
  Project: { file: '004_977ad1fe0b13bb92.txt', records: null, rows: null },
  ProjectAllocation: { file: '004_977ad1fe0b13bb92.txt', records: (d) => d.projects, rows: (p) => p.allocations },
  ProjectListing: { file: '004_977ad1fe0b13bb92.txt', records: (d) => d.projects, rows: (p) => p.listings },
};

const PROJECTION: Partial<Record<keyof typeof FACT_KINDS, { core: readonly string[]; fields: Readonly<Record<string, unknown>> }>> = { BudgetLine: LINE_PROJECTION, ProjectAllocation: ALLOCATION_PROJECTION };

/** How neo4j/graphql (the bench peer) types a stored property. */
const PEER_TYPE: Record<PropertyType, string> = { string: 'String', strings: 'String', enum: 'String', int: 'Int', boolean: 'Boolean', money: 'BigInt' };

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe.each(Object.entries(FACT_KINDS) as [keyof typeof FACT_KINDS, FactKindDecl][])('%s: every layer lists exactly its declared properties', (name, kind) => {
  const declared = propertiesOf(kind).map(([n]) => n);
  const stored = propertiesOf(kind).map(([n, p]) => storedName(n, p));
  const text = readFileSync(join(root, 'data', SAMPLE[name].file), 'utf8');
  const doc = parseDocument(text, SAMPLE[name].file);

  it('the SDL serves each under its API name, type, nullability and description', () => {
    const served = servedFields(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'), kind.name);
    expect(declaredPart(served, kind)).toEqual(expectedFields(kind));
  });

  it('the read spec reads each under its stored name, and only the context beside them', () => {
    expect(sorted(Object.keys(READ_SPEC[name]))).toEqual(sorted([...stored, ...READ_CONTEXT[name]]));
  });

  it('the parser’s records carry each, and only the context beside them', () => {
    const recordsOf = SAMPLE[name].records;
    if (!recordsOf) return;
    const records = recordsOf(doc);
    expect(records.length).toBeGreaterThan(0);
    const allowed = new Set([...declared, ...RECORD_CONTEXT[name]]);
    for (const r of records) {
      expect(Object.keys(r).filter((k) => !allowed.has(k))).toEqual([]);
      // An optional property may be absent (its reader leaves it out); every other one is there.
      expect(declared.filter((k) => !(k in r) && !kind.properties[k]?.optional)).toEqual([]);
    }
  });

  it('the load rows store each under its stored name, and only the context beside them', () => {
    const rowsOf = SAMPLE[name].rows;
    if (!rowsOf) return;
    const rows = rowsOf(buildPlan(doc, text));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(sorted(Object.keys(r))).toEqual(sorted([...stored, ...LOAD_CONTEXT[name]]));
  });

  it('a document bundle’s projection (when the kind has one) reads each served field by its stored name', () => {
    const projection = PROJECTION[name];
    if (!projection) return;
    for (const [n, p] of propertiesOf(kind)) {
      const reads = projection.fields[apiName(n, p)];
      // A nullable one is read when selected; one every row has, always (core) or when selected.
      if (servedNullable(p) || !projection.core.includes(storedName(n, p))) expect(reads, n).toEqual([storedName(n, p)]);
    }
  });

  it('the bench peer’s type (bench/peer/type-defs.graphql) names only stored properties, each with its stored type', () => {
    const peer = parse(readFileSync(join(root, 'bench/peer/type-defs.graphql'), 'utf8')).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === kind.name);
    if (!peer) return;
    const storedType = new Map(propertiesOf(kind).map(([n, p]) => [storedName(n, p), PEER_TYPE[p.type]]));
    for (const f of peer.fields ?? []) {
      if (f.directives?.some((d) => d.name.value === 'relationship')) continue;
      // Its named type: a list ([String!]) by its items'.
      let type: TypeNode = f.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      const named = type.name.value;
      if (storedType.has(f.name.value)) expect(named, f.name.value).toBe(storedType.get(f.name.value));
      else expect(LOAD_CONTEXT[name], f.name.value).toContain(f.name.value);
    }
  });

  it('NODE_KINDS_DECL takes its term and money, the explorer its money, from the declaration', () => {
    const money = moneyStoredNames(kind);
    const decl: NodeKindDecl = NODE_KINDS_DECL[name];
    expect(decl.money ?? []).toEqual([...money, ...(DERIVED_MONEY[name] ?? [])]);
    expect(NODE_KINDS_DECL[name].term).toBe(kind.zh);
    for (const m of money) expect(MONEY_KEYS.has(m.replace(/Fen$/, ''))).toBe(true);
    // Its money and only its money is formatted as 万元 for it (the old name regex took `project`, `actual` …).
    for (const [n, p] of propertiesOf(kind)) expect(isMoneyKey(n, kind.name), n).toBe(p.type === 'money');
  });
});

describe('types follow the declaration', () => {
  it('the parse record, the stored properties and the read row', () => {
    expectTypeOf<RecordOf<typeof INVESTMENT_PROJECT>['totalInvestment']>().toEqualTypeOf<bigint | null>();
    expectTypeOf<RecordOf<typeof INVESTMENT_PROJECT>['truncated']>().toEqualTypeOf<boolean>();
    expectTypeOf<StoredOf<typeof INVESTMENT_PROJECT>['plannedInYearFen']>().toEqualTypeOf<bigint | null>();
    expectTypeOf<ParsedInvestment['registrationYear']>().toEqualTypeOf<number | null>();
    expectTypeOf<InvestmentRow['completedGovernmentFundFen']>().toEqualTypeOf<bigint | null>();
    expectTypeOf<InvestmentRow['code']>().toEqualTypeOf<string>();
  });
  it('a kind declared with one property more has it in its record and stored types', () => {
    const scratch = defineKind({ ...INVESTMENT_PROJECT, properties: { ...INVESTMENT_PROJECT.properties, landArea: { type: 'money', printedIn: '万元', zh: '用地面积', nullable: true, description: 'x' } } });
    expectTypeOf<RecordOf<typeof scratch>['landArea']>().toEqualTypeOf<bigint | null>();
    expectTypeOf<StoredOf<typeof scratch>['landAreaFen']>().toEqualTypeOf<bigint | null>();
  });
  it('the load stores money only as bigint fen and a whole number only as a number, naming the property otherwise', () => {
    const valueOf = (wrong: string, value: unknown) => (name: string) => (name === wrong ? value : null);
    expect(() => storedValuesOf(INVESTMENT_PROJECT, valueOf('totalInvestment', 1.5))).toThrow(expect.objectContaining({ code: 'WRONG_TYPE', message: expect.stringMatching(/InvestmentProject\.totalInvestment/) }));
    expect(() => storedValuesOf(INVESTMENT_PROJECT, valueOf('registrationYear', '2020'))).toThrow(expect.objectContaining({ code: 'WRONG_TYPE', message: expect.stringMatching(/InvestmentProject\.registrationYear/) }));
    expect(String(storedValuesOf(INVESTMENT_PROJECT, valueOf('totalInvestment', 150n)).totalInvestmentFen)).toBe('150');
  });
  it('the bench peer’s type definitions are the ones derived from the declarations (npx tsx scripts/peer-type-defs.ts writes them)', () => {
    expect(readFileSync(join(root, 'bench/peer/type-defs.graphql'), 'utf8')).toBe(peerTypeDefs());
  });
  it('money carries the unit it is printed in, and only money does', () => {
    expect(() => defineKind({ name: 'X', zh: 'x', properties: { a: { type: 'money', zh: 'a', description: 'a' } } })).toThrow(/printedIn/);
    expect(() => defineKind({ name: 'X', zh: 'x', properties: { a: { type: 'string', printedIn: '万元', zh: 'a', description: 'a' } } })).toThrow(/printedIn/);
  });
});

describe('the 三公 reader takes its figures from the model (#40: "its own letters", bench/RESULTS.md)', () => {
  // Where src/parse/three-costs.ts writes a figure's name as a list item: a property's key
  // ({ abroad: … }), a quoted name ('abroad', a type's 'abroad' | …). Reading one (found.total) is
  // no list. Before: the figure→role table, the prose patterns with their Pick<…> type and the prose
  // record each spelt all six (four times each); after: only the table mapping each figure to the
  // column role the structure finds it under, the rest iterating THREE_COSTS_FIGURE_NAMES.
  const source = ts.createSourceFile('three-costs.ts', readFileSync(join(root, 'src/parse/three-costs.ts'), 'utf8'), ts.ScriptTarget.Latest, true);
  const written = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    const name = ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) ? node.name.getText(source) : ts.isStringLiteral(node) ? node.text : null;
    if (name !== null && isKeyOf(THREE_COSTS_FIGURES, name)) written.set(name, (written.get(name) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);

  it('names each of the six once, in the table of their column roles', () => {
    expect(Object.fromEntries(written)).toEqual(Object.fromEntries(THREE_COSTS_FIGURE_NAMES.map((f) => [f, 1])));
  });
});

// ---- the add-a-field demonstration ----------------------------------------------------------

/** The one line added to the scratch copy's declaration of InvestmentProject, and of BudgetLine. */
const ADDED_LINE = "    landArea: { type: 'money', printedIn: '万元', zh: '用地面积', nullable: true, provenance: 'field', description: '用地面积 bought for it, 万元.' },\n";
const ADDED_LINE_BUDGET = "    reserve: { type: 'money', printedIn: '万元', zh: '预备费', nullable: true, description: '预备费 column, 万元.' },\n";
/** And of ProjectAllocation (a text its listings print) and Project (a list, like its names). */
const ADDED_LINE_ALLOCATION = "    contractor: { type: 'string', zh: '项目实施单位', nullable: true, description: '项目实施单位 as printed.' },\n";
const ADDED_LINE_LISTING = "    printedCode: { type: 'string', zh: '项目编码', nullable: true, description: 'The project code this listing prints, if any.' },\n";
const ADDED_LINE_PROJECT = "    formerCodes: { type: 'strings', zh: '曾用编码', description: 'Codes the project was printed under before.' },\n";

describe('add-a-field: one line in a scratch copy of the model reaches every derived layer', () => {
  let scratch = '';
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(scratch, path)).href)) as T;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'fact-kinds-'));
    for (const dir of ['src', 'loaders']) cpSync(join(root, dir), join(scratch, dir), { recursive: true });
    mkdirSync(join(scratch, 'web/src'), { recursive: true });
    cpSync(join(root, 'web/src/format.ts'), join(scratch, 'web/src/format.ts'));
    mkdirSync(join(scratch, 'scripts'), { recursive: true });
    cpSync(join(root, 'scripts/peer-type-defs.ts'), join(scratch, 'scripts/peer-type-defs.ts'));
    cpSync(join(root, 'tsconfig.json'), join(scratch, 'tsconfig.json'));
    cpSync(join(root, 'package.json'), join(scratch, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
    const addLine = (file: string, after: RegExp, line: string) => {
      const path = join(scratch, 'src/model/kinds', file);
      const before = readFileSync(path, 'utf8');
      const edited = before.replace(after, `$1${line}`);
      expect(edited).not.toBe(before);
      writeFileSync(path, edited);
    };
    addLine('investment-project.ts', /(\n {4}completed: \{[^\n]*\n)/, ADDED_LINE);
    addLine('budget-line.ts', /(\n {4}project: \{[^\n]*\n)/, ADDED_LINE_BUDGET);
    addLine('project-allocation.ts', /(\n {4}goal: \{[^\n]*\n)/, ADDED_LINE_ALLOCATION);
    addLine('project-listing.ts', /(\n {4}functionCode: \{[^\n]*\n)/, ADDED_LINE_LISTING);
    addLine('project.ts', /(\n {4}normName: \{[^\n]*\n)/, ADDED_LINE_PROJECT);
  });
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('the API serves it (type-graphql fields built from the declaration), and nothing else changes', async () => {
    const { buildApiSchema, printApiSchema } = await load<typeof import('../../src/api/schema.js')>('src/api/schema.ts');
    const sdl = printApiSchema(await buildApiSchema());
    const { landArea, ...rest } = servedFields(sdl, 'InvestmentProject');
    expect(landArea).toEqual(['Decimal', true, '用地面积 bought for it, 万元.']);
    // The rest of the type is the checked-in one: the new field is the whole difference.
    expect(rest).toEqual(servedFields(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'), 'InvestmentProject'));
    const { reserve, ...lineRest } = servedFields(sdl, 'BudgetLine');
    expect(reserve).toEqual(['Decimal', true, '预备费 column, 万元.']);
    expect(lineRest).toEqual(servedFields(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'), 'BudgetLine'));
    const { contractor, ...allocationRest } = servedFields(sdl, 'ProjectAllocation');
    expect(contractor).toEqual(['String', true, '项目实施单位 as printed.']);
    expect(allocationRest).toEqual(servedFields(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'), 'ProjectAllocation'));
    const { printedCode, ...listingRest } = servedFields(sdl, 'ProjectListing');
    expect(printedCode).toEqual(['String', true, 'The project code this listing prints, if any.']);
    expect(listingRest).toEqual(servedFields(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'), 'ProjectListing'));
    const { formerCodes, ...projectRest } = servedFields(sdl, 'Project');
    expect(formerCodes).toEqual(['String', false, 'Codes the project was printed under before.']);
    expect(sdl).toMatch(/formerCodes: \[String!\]!/);
    expect(projectRest).toEqual(servedFields(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'), 'Project'));
  });

  it('the read spec reads it under its stored name, as money', async () => {
    const { INVESTMENT_FIELDS: fields } = await load<typeof import('../../src/query/records.js')>('src/query/records.ts');
    expect(Object.keys(fields)).toContain('landAreaFen');
    const read = (fields as Record<string, (p: Record<string, unknown>, k: string) => unknown>).landAreaFen!;
    expect(read({ landAreaFen: 12345n }, 'landAreaFen')).toBe(12345n);
    expect(() => read({ landAreaFen: 1.5 }, 'landAreaFen')).toThrow(/fen/);
    const { LINE_FIELDS: lineFields } = await load<typeof import('../../src/query/records.js')>('src/query/records.ts');
    expect(Object.keys(lineFields)).toContain('reserveFen');
    const { ALLOCATION_FIELDS: allocationFields, PROJECT_FIELDS: projectFields } = await load<typeof import('../../src/query/records.js')>('src/query/records.ts');
    // The copy's specs have the new key, which this file's types (from the real model) do not know.
    const allocationSpec: Record<string, unknown> = allocationFields;
    const projectSpec: Record<string, (p: Record<string, unknown>, k: string) => unknown> = projectFields;
    expect(allocationSpec.contractor).toBeDefined();
    expect(projectSpec.formerCodes?.({ formerCodes: ['A', 'B'] }, 'formerCodes')).toEqual(['A', 'B']);
  });

  it('a document bundle reads it when the query selects it', async () => {
    const { LINE_PROJECTION: projection, projectionKeys } = await load<typeof import('../../src/query/projection.js')>('src/query/projection.ts');
    expect(projectionKeys(projection, new Map([['reserve', new Map()]]))).toContain('reserveFen');
    const { ALLOCATION_PROJECTION: allocations } = await load<typeof import('../../src/query/projection.js')>('src/query/projection.ts');
    expect(projectionKeys(allocations, new Map([['contractor', new Map()]]))).toContain('contractor');
  });

  it('the load stores it under its stored name, as an Integer of fen, once its reader fills the record', async () => {
    const { buildPlan: plan } = await load<typeof import('../../src/load/plan.js')>('src/load/plan.ts');
    const file = SAMPLE.InvestmentProject.file;
    const text = readFileSync(join(root, 'data', file), 'utf8');
    const doc = parseDocument(text, file);
    // What the one reader line would add to each record.
    const bare = structuredClone(doc);
    doc.investmentProjects = doc.investmentProjects.map((ip, i) => ({ ...ip, landArea: BigInt(i) * 100n }));
    doc.lines = doc.lines.map((l) => ({ ...l, reserve: null }));
    // One listing of each project in two prints the contractor: its allocation takes the first printed.
    doc.projects = doc.projects.map((p, i) => ({ ...p, contractor: i % 2 === 1 ? `单位${i}` : null, printedCode: `P${i}` }));
    const built = plan(doc, text);
    const rows = built.investments as Record<string, unknown>[];
    expect(rows.map((r) => String(r.landAreaFen))).toEqual(doc.investmentProjects.map((_, i) => String(i * 100)));
    expect((built.lines as Record<string, unknown>[]).every((r) => r.reserveFen === null)).toBe(true);
    const allocations = built.allocations as Record<string, unknown>[];
    expect(allocations.every((r) => 'contractor' in r)).toBe(true);
    expect(new Set(allocations.map((r) => r.contractor).filter((c) => c !== null)).size).toBeGreaterThan(0);
    // Each listing stores its own (listings are in slot order, not the records' order).
    const listings = built.listings as Record<string, unknown>[];
    expect(listings.map((r) => r.printedCode).sort()).toEqual(doc.projects.map((_, i) => `P${i}`).sort());
    // Right after the declared property before it: the row keeps its declared order.
    expect(Object.keys(allocations[0]!).slice(Object.keys(allocations[0]!).indexOf('goal'), Object.keys(allocations[0]!).indexOf('goal') + 2)).toEqual(['goal', 'contractor']);
    // Without its reader the record lacks it: the load says which property, never stores undefined.
    expect(() => plan(bare, text)).toThrow(/BudgetLine\.reserve|InvestmentProject\.landArea|ProjectAllocation\.contractor/);
    // With every other reader set, the allocation's merge names the property no listing has.
    const noContractor = { ...structuredClone(doc), projects: bare.projects.map((p) => ({ ...p, printedCode: null })) };
    expect(() => plan(noContractor, text)).toThrow(/ProjectAllocation\.contractor/);
  });

  it("Project's node takes it from the allocation row that creates it, the statement unedited (SET p += project)", async () => {
    // A real allocation row of the sample, as the checked-in model plans it: its name and normalised name.
    const text = readFileSync(join(root, 'data', SAMPLE.Project.file), 'utf8');
    const row = buildPlan(parseDocument(text, SAMPLE.Project.file), text).allocations[0]!;
    const { projectNodeValues: checkedIn } = await import('../../src/load/loader.js');
    expect(checkedIn(row)).toEqual({ name: row.name, normName: row.normName });
    // cypher/load-allocations.cypher sets the node's declared properties from that map only: none by hand.
    const statement = readFileSync(join(root, 'cypher/load-allocations.cypher'), 'utf8');
    expect(statement).toMatch(/ON CREATE SET p \+= project\b/);
    for (const name of Object.keys(FACT_KINDS.Project.properties).filter((n) => n !== 'names')) expect(statement).not.toMatch(new RegExp(`\\bp\\.${name}\\s*=`));
    // The scratch copy's Project declares formerCodes: the row that brings it writes it, in declared order.
    const { projectNodeValues } = await load<typeof import('../../src/load/loader.js')>('src/load/loader.ts');
    expect(projectNodeValues({ ...row, formerCodes: ['A1', 'B2'] })).toEqual({ name: row.name, normName: row.normName, formerCodes: ['A1', 'B2'] });
    // A row without it stops the load naming the property, never a node without it.
    expect(() => projectNodeValues(row)).toThrow(/Project\.formerCodes/);
  });

  it('the bench peer’s type definitions carry it under its stored name and type', async () => {
    const { peerTypeDefs: scratchTypeDefs } = await load<typeof import('../../scripts/peer-type-defs.js')>('scripts/peer-type-defs.ts');
    const fieldsOf = (sdl: string, type: string) => parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type)?.fields?.map((f) => f.name.value) ?? [];
    expect(fieldsOf(scratchTypeDefs(), 'InvestmentProject')).toEqual([...fieldsOf(peerTypeDefs(), 'InvestmentProject').slice(0, fieldsOf(peerTypeDefs(), 'InvestmentProject').indexOf('completed') + 1), 'landAreaFen', 'srcLine']);
    expect(scratchTypeDefs()).toMatch(/\n {2}landAreaFen: BigInt\n/);
    expect(scratchTypeDefs()).toMatch(/\n {2}contractor: String\n/);
    expect(scratchTypeDefs()).toMatch(/\n {2}formerCodes: \[String!\]\n/);
  });

  it('NODE_KINDS_DECL and the explorer count it as money', async () => {
    const { NODE_KINDS_DECL: nodes } = await load<typeof import('../../src/model/nodes.js')>('src/model/nodes.ts');
    expect(nodes.InvestmentProject.money).toContain('landAreaFen');
    const { MONEY_KEYS: keys } = await load<typeof import('../../web/src/format.js')>('web/src/format.ts');
    expect(keys.has('landArea')).toBe(true);
    expect(MONEY_KEYS.has('landArea')).toBe(false);
  });

});
