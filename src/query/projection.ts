// Which stored properties a selection reads. A document's lines and projects are fetched in one
// statement (cypher/document-bundle.cypher); decoding every property of 40-odd lines and their
// projects costs more than the rest of the request, so the bundle carries only what the query
// selects. Each table below says, per GraphQL field, the stored properties its value is built
// from. A field not in its table reads everything (`null`): a new field is slower until it is
// declared here, never wrong. tests/integration/document-bundle.test.ts holds every field's
// answer through the bundle equal to its answer through the loaders, which read whole rows.

import type { CodeScheme } from '../model/codes.js';
import { apiName, propertiesOf, servedNullable, storedName, type FactKindDecl } from '../model/fact-kind.js';
import { BUDGET_LINE } from '../model/kinds/budget-line.js';
import { PROJECT_ALLOCATION } from '../model/kinds/project-allocation.js';
import { keysOf } from './props.js';

/** Field name → what is selected under it (aliases and fragments merged). */
export type FieldTree = Map<string, FieldTree>;

/** `null`: the field's value needs every stored property. */
type Reads = readonly string[] | ((sub: FieldTree) => readonly string[] | null);

interface ProjectionDecl {
  /** Always read: the row mapper requires them (ids, and what every answer is built around). */
  core: readonly string[];
  fields: Readonly<Record<string, Reads>>;
}

// page, box and cells (with their texts) are read by their line (loaders.placeByLine): the line is all they need here.
const SOURCE_READS: Record<string, readonly string[]> = { table: ['srcTable'], line: ['srcLine'], text: ['srcText'], page: ['srcLine'], box: ['srcLine'], cells: ['srcLine'], document: [], __typename: [] };

/** A Source built by sourceOf(): only the columns of the source fields asked for. */
const source: Reads = (sub) => {
  const out: string[] = [];
  for (const name of sub.keys()) {
    const reads = SOURCE_READS[name];
    if (!reads) return null;
    out.push(...reads);
  }
  return out;
};

/** Fields answered from ids the row carries anyway (relationships, loaders keyed by its id). */
const NONE: readonly string[] = [];

/**
 * A declared kind's properties (src/model/fact-kind.ts) as projection entries, so a property
 * declared there is read here with no edit. `required`: how a property the kind always has is
 * read — `core` when the row mapper checks it (a decoded row: always read), `selected` when the
 * row is built from what the projection read (read when its field is selected, like the others).
 */
function declaredProjection(kind: FactKindDecl, required: 'core' | 'selected'): { core: string[]; fields: Record<string, Reads> } {
  const core: string[] = [];
  const fields: Record<string, Reads> = {};
  for (const [name, p] of propertiesOf(kind)) {
    if (servedNullable(p) || required === 'selected') fields[apiName(name, p)] = [storedName(name, p)];
    else {
      core.push(storedName(name, p));
      fields[apiName(name, p)] = NONE;
    }
  }
  return { core, fields };
}

const LINE_DECLARED = declaredProjection(BUDGET_LINE, 'core');
// An allocation of the bundle is built from the properties read (repository.ts projectedRow).
const ALLOCATION_DECLARED = declaredProjection(PROJECT_ALLOCATION, 'selected');

/** BudgetLine // 预算表行, built by budgetLineRow (src/query/rows.ts). */
export const LINE_PROJECTION: ProjectionDecl = {
  core: ['id', ...LINE_DECLARED.core, 'year'],
  fields: {
    ...LINE_DECLARED.fields,
    id: NONE, year: NONE, __typename: NONE,
    unit: NONE, classification: NONE, document: NONE, anomalies: NONE,
    // A 决算 line's budget is its 预算 column; a budget line's is its total.
    budget: ['totalFen', 'columns'],
    actual: ['totalFen'],
    columns: ['columns'],
    source,
  },
};

/** ProjectAllocation // 项目预算, built by fact() from its stored properties. */
export const ALLOCATION_PROJECTION: ProjectionDecl = {
  core: ['id', ...ALLOCATION_DECLARED.core],
  fields: {
    ...ALLOCATION_DECLARED.fields,
    id: NONE, __typename: NONE,
    project: NONE, unit: NONE, document: NONE, codeLinks: NONE, codeLink: NONE, functionCode: NONE,
    indicators: NONE, selfEvaluations: NONE, investmentProjects: NONE, listings: NONE, anomalies: NONE,
    // Beside the declaration: its document's year, and what the load derives from its listings.
    year: ['year'],
    sourceKinds: ['sourceKinds'],
    parent: ['parentName'],
    funding: ['funding'],
    source,
  },
};

/** The stored properties `tree` reads, core first; null when some field needs them all. */
export function projectionKeys(decl: ProjectionDecl, tree: FieldTree): string[] | null {
  const keys = new Set(decl.core);
  for (const [name, sub] of tree) {
    const reads = Object.hasOwn(decl.fields, name) ? decl.fields[name] : undefined;
    const props = typeof reads === 'function' ? reads(sub) : reads;
    if (!props) return null;
    for (const p of props) keys.add(p);
  }
  return [...keys];
}

const LINK_FIELDS_WITHOUT_EVIDENCE = new Set(['method', 'note', 'code', 'name', '__typename']);

/** Whether an allocation's code links must carry their evidence (JSON source lines, the heavy
 * part of a link): when codeLink or codeLinks selects any field beyond these. */
export function linksNeedEvidence(allocation: FieldTree): boolean {
  return ['codeLink', 'codeLinks'].some((f) => [...(allocation.get(f)?.keys() ?? [])].some((name) => !LINK_FIELDS_WITHOUT_EVIDENCE.has(name)));
}

/** Document's field listing the lines of each scheme. */
const LINE_FIELDS: Record<CodeScheme, string> = { FUNCTION: 'functionLines', ECONOMIC: 'economicLines', PROCUREMENT: 'procurementLines' };

/** What cypher/document-bundle.cypher fetches for one `document` field. */
export interface DocumentBundlePlan {
  schemes: CodeScheme[];
  withProjects: boolean;
  lineKeys: string[] | null;
  allocationKeys: string[] | null;
  withProjectRows: boolean;
  withLinks: boolean;
  linkEvidence: boolean;
}

/** The bundle a document's selection needs; null when it asks for no lines and no projects. */
export function documentBundlePlan(document: FieldTree): DocumentBundlePlan | null {
  const schemes = keysOf(LINE_FIELDS).filter((s) => document.has(LINE_FIELDS[s]));
  const projects = document.get('projects');
  if (schemes.length === 0 && !projects) return null;
  // Every lines field of the document reads from the same rows: their selections merged.
  const lines: FieldTree = new Map();
  for (const s of schemes) for (const [name, sub] of document.get(LINE_FIELDS[s]) ?? []) lines.set(name, mergeTrees(lines.get(name), sub));
  const allocation = projects ?? new Map();
  return {
    schemes,
    withProjects: projects !== undefined,
    lineKeys: projectionKeys(LINE_PROJECTION, lines),
    allocationKeys: projectionKeys(ALLOCATION_PROJECTION, allocation),
    withProjectRows: allocation.has('project'),
    withLinks: ['codeLink', 'codeLinks', 'functionCode'].some((f) => allocation.has(f)),
    linkEvidence: linksNeedEvidence(allocation),
  };
}

function mergeTrees(a: FieldTree | undefined, b: FieldTree): FieldTree {
  if (!a) return b;
  const out: FieldTree = new Map(a);
  for (const [name, sub] of b) out.set(name, mergeTrees(out.get(name), sub));
  return out;
}

/**
 * A project → code link (codeFeeds, projectsFeedingCode) carries its department, unit and
 * project. Slim, each is its id and name (a project also its normalised name and department):
 * these fields are answered from that alone, or from loaders keyed by the id. Any other field
 * selected makes the statement return that neighbour whole, and only whole rows prime the
 * loaders.
 */
const SLIM_NEIGHBOUR_FIELDS = {
  department: new Set(['id', 'name', 'documents', 'units', '__typename']),
  unit: new Set(['id', 'name', 'department', '__typename']),
  project: new Set(['id', 'name', 'normName', 'amount', 'department', 'allocations', 'sameAs', 'level', 'parent', '__typename']),
} as const;

export type FeedNeighbour = keyof typeof SLIM_NEIGHBOUR_FIELDS;

/** Which neighbours of a link must come whole, given what is selected of each link. */
export interface FeedNeighboursPlan {
  wholeDepartment: boolean;
  wholeUnit: boolean;
  wholeProject: boolean;
}

/** The selection of one row of a connection: its nodes and its edges' node, merged. */
function rowsOf(connection: FieldTree): FieldTree[] {
  return [connection.get('nodes'), connection.get('edges')?.get('node')].filter((t): t is FieldTree => t !== undefined);
}

/** Whether the rows select any field of `neighbour` that a slim one cannot answer. */
function readsBeyondSlim(rows: FieldTree[], neighbour: FeedNeighbour): boolean {
  return rows.some((row) => [...(row.get(neighbour)?.keys() ?? [])].some((f) => !SLIM_NEIGHBOUR_FIELDS[neighbour].has(f)));
}

/** `links`: the selection of one link, or of a connection of links. */
export function feedNeighboursPlan(links: FieldTree): FeedNeighboursPlan {
  const rows = [links, ...rowsOf(links)];
  // A unit's or project's department is read through the loader the whole department primes.
  const departmentVia = rows.some((row) => row.get('unit')?.has('department') || row.get('project')?.has('department'));
  return { wholeDepartment: readsBeyondSlim(rows, 'department') || departmentVia, wholeUnit: readsBeyondSlim(rows, 'unit'), wholeProject: readsBeyondSlim(rows, 'project') };
}

/** What a projects() page reads beyond ids and names: each project's printed names, its department whole. */
export interface ProjectsPagePlan {
  projectNames: boolean;
  wholeDepartment: boolean;
}

export function projectsPagePlan(connection: FieldTree): ProjectsPagePlan {
  const rows = rowsOf(connection);
  return { projectNames: rows.some((row) => row.has('names')), wholeDepartment: readsBeyondSlim(rows, 'department') };
}
