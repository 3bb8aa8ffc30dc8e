// Read side of the graph: every query the API answers, by name, with typed results.
// Resolvers call this or a per-request DataLoader (loaders/) built on it; nothing else reads
// Neo4j. Every statement lives in cypher/ and runs in a READ transaction with a timeout.
import { isProps, list, props, type Props } from './props.js';
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { QueryRunner } from '../db/run.js';
import type { BatchStatement, StatementParams } from '../db/statements.generated.js';
import { ProgramBugError } from '../errors.js';
import { column, plainMap, plainMaps, row, zip } from './mapping.js';
import type { DocumentBundlePlan, ProjectsPagePlan } from './projection.js';
import { WHOLE_FEED_ROW, type FeedRowPlan } from './feed-row-plan.js';
import type {
  AllocationRow,
  AnomalyRow,
  BudgetLineRow,
  CodeLinkRow,
  EvaluationRow,
  IndicatorRow,
  UnitRow,
  CodeFeedRow,
  DepartmentRow,
  DocumentRow,
  GraphEdgeRow,
  GraphNodeRow,
  InvestmentRow,
  Page,
  ProjectRow,
  SearchHitRow,
} from './records.js';
import { ALLOCATION_FIELDS, EVALUATION_FIELDS, INDICATOR_FIELDS } from './records.js';
import { anomalyRow, budgetLineRow, codeFeedRow, codeLinks, documentRow, factRow, investmentRow, projectRow, sourceOf, unitRow } from './rows.js';
import { graphEdge, graphNode, isNodeKind, type RawEdge, type RawNode } from './graph-nodes.js';
import type { NodeKind } from '../model/nodes.js';
import { whereOf, type FilterTree } from './filters.js';
import { LISTS, type Direction, type ListName, type ListStatement } from './lists.js';
import { aggregate, type AggregateDimension, type AggregateFilterArgs, type AggregateMeasure, type AggregateOrder, type AggregateResult } from './aggregate.js';

export interface ServerVersion {
  version: string;
  edition: string;
}

/** A page asked by keyset: the first N after a cursor's sort key, or the last N before one. */
export interface PageArgs {
  first: number | null;
  last: number | null;
  /** Sort keys decoded from cursors (src/api/pagination.ts). */
  after: unknown[] | null;
  before: unknown[] | null;
  /** Read each row's sort key: only when the query selects a cursor (edges.cursor, pageInfo's). */
  withSortKeys: boolean;
}

/** The asked sort keys of a list, in order, with their directions. */
export interface Ordering {
  keys: string[];
  dirs: Direction[];
}

/** Top-level years of a project filter: they choose which allocations a project's amount sums. */
export interface AmountWindow {
  year?: number | null;
  yearIn?: number[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
}

export interface Neighbourhood {
  center: GraphNodeRow;
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  total: number;
}

export interface LineageYear {
  allocation: AllocationRow;
  /** null: an allocation of the department as a whole (no unit printed). */
  unit: UnitRow | null;
  document: DocumentRow;
  links: CodeLinkRow[];
  investments: InvestmentRow[];
  indicators: IndicatorRow[];
  evaluations: EvaluationRow[];
}

/** A document with what one selection reads of its lines and projects (cypher/document-bundle.cypher). */
export interface DocumentBundle {
  document: DocumentRow;
  /** Lines and allocations carry only the properties that selection reads: they answer it and are
   * never cached for other fields. Their code links (bundledLinks) likewise. */
  lines: BudgetLineRow[];
  allocations: (AllocationRow & { bundledLinks?: CodeLinkRow[] })[];
  /** Whole rows, fit to prime the loaders. */
  units: UnitRow[];
  projects: ProjectRow[];
}

export interface LineageData {
  project: ProjectRow;
  department: DepartmentRow;
  years: LineageYear[];
}

export interface PathRow {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
}


import { MONEY_TRAIL_LISTED, type TrailRow } from './money-trail.js';

const PATHS_TIMEOUT_MS = 3_000;

export class Repository {
  constructor(private readonly runner: QueryRunner) {}

  /** Statements run so far by this request (round-trips to Neo4j). */
  get roundTrips(): number {
    return this.runner.roundTrips;
  }

  async serverVersion(timeoutMs?: number): Promise<ServerVersion> {
    const res = await this.runner.read('server-version', {}, timeoutMs);
    const rec = res.records.find((r) => r.get('name') === 'Neo4j Kernel') ?? res.records[0];
    return { version: String(rec?.get('version') ?? 'unknown'), edition: String(rec?.get('edition') ?? 'unknown') };
  }

  async documentCount(timeoutMs?: number): Promise<number> {
    const res = await this.runner.read('document-count', {}, timeoutMs);
    return Number(res.records[0]?.get('documents') ?? 0);
  }

  /** Runs a `key, value` batch statement and groups the values by key (for DataLoaders). */
  // The default map serves values as the plain maps they are (T defaults to them; loaders/batch.ts passes map optionally).
  async batch<T>(statement: BatchStatement, keys: readonly string[], map: (p: Record<string, unknown>) => T = (p) => p as T): Promise<Map<string, T[]>> {
    const res = await this.runner.read(statement, { keys: [...keys] });
    const out = new Map<string, T[]>();
    for (const rec of res.records) {
      const key = String(rec.get('key'));
      const value = map(plainMap(rec.get('value')));
      const list = out.get(key);
      if (list) list.push(value);
      else out.set(key, [value]);
    }
    return out;
  }

  /** One page of a declared list (src/query/lists.ts): filter, order and keyset window in one statement. */
  async list<T>(name: ListName, filter: FilterTree | null | undefined, ordering: Ordering, page: PageArgs, map: (p: Record<string, unknown>) => T, extra: Record<string, unknown> = {}, statement: ListStatement = LISTS[name].statement): Promise<Page<T>> {
    const spec = LISTS[name];
    const dirs = [...ordering.dirs, ...Array<Direction>(spec.tieBreaks).fill('ASC')];
    const params = {
      ...extra,
      where: whereOf(filter, spec.filter),
      keys: ordering.keys,
      dirs,
      after: page.after,
      before: page.before,
      first: page.first === null ? null : neo4j.int(page.first),
      last: page.last === null ? null : neo4j.int(page.last),
      withSortKeys: page.withSortKeys,
    };
    // The window's parameters are checked (ListStatement reads them all); a list's own (`extra`) are not.
    const res = await this.runner.read(statement, params as StatementParams<ListStatement>);
    return pageOf(res.records, map, spec.presentIf, page.withSortKeys);
  }

  documents(filter: FilterTree | null | undefined, ordering: Ordering, page: PageArgs): Promise<Page<DocumentRow>> {
    return this.list('documents', filter, ordering, page, documentRow);
  }

  async departments(name: string | null): Promise<DepartmentRow[]> {
    const res = await this.runner.read('departments-by-name', { name });
    return column<DepartmentRow>(res.records, 'value');
  }

  projects(filter: FilterTree | null | undefined, ordering: Ordering, page: PageArgs, reads: ProjectsPagePlan): Promise<Page<ProjectRow>> {
    const f = amountWindowOf(filter);
    const int = (n: number | null | undefined) => (n === null || n === undefined ? null : neo4j.int(n));
    const window = { year: int(f.year), yearIn: f.yearIn ? f.yearIn.map((y) => neo4j.int(y)) : null, yearFrom: int(f.yearFrom), yearTo: int(f.yearTo) };
    // Without years a project's amount is its stored all-years total: no allocation is summed.
    const allYears = window.year === null && window.yearIn === null && window.yearFrom === null && window.yearTo === null;
    // The commonest question, "the largest projects", unfiltered and from the start: read in the
    // order of the index on the stored totals instead of sorting every project.
    const unfiltered = filter === null || filter === undefined || Object.keys(filter).length === 0;
    const largestFirst = ordering.keys.length === 1 && ordering.keys[0] === 'AMOUNT' && ordering.dirs[0] === 'DESC';
    if (unfiltered && largestFirst && page.first !== null && page.after === null && page.before === null && page.last === null) {
      return this.runner
        .read('projects-top-by-amount', { first: neo4j.int(page.first), withSortKeys: page.withSortKeys, ...reads })
        .then((res) => pageOf(res.records, projectRow, LISTS.projects.presentIf, page.withSortKeys));
    }
    return this.list('projects', filter, ordering, page, projectRow, { ...window, ...reads }, allYears ? 'projects-page-all-years' : 'projects-page');
  }

  investmentProjects(filter: FilterTree | null | undefined, ordering: Ordering, page: PageArgs): Promise<Page<InvestmentRow>> {
    return this.list('investmentProjects', filter, ordering, page, investmentRow);
  }

  async investmentReports(code: string): Promise<InvestmentRow[]> {
    const res = await this.runner.read('investment-by-code', { code });
    return column<Record<string, unknown>>(res.records, 'value').map(investmentRow);
  }

  anomalies(filter: FilterTree | null | undefined, ordering: Ordering, page: PageArgs): Promise<Page<AnomalyRow>> {
    return this.list('anomalies', filter, ordering, page, anomalyRow);
  }

  /** Lines from..to of a document's stored text; null when it has none. */
  async documentText(id: string, from: number, to: number): Promise<{ lineCount: number; lines: { line: number; text: string }[] } | null> {
    const res = await this.runner.read('document-text', { id, from: neo4j.int(from), to: neo4j.int(to) });
    const rec = res.records[0];
    return rec ? row<{ lineCount: number; lines: { line: number; text: string }[] }>(rec) : null;
  }

  /** projectsFeedingCode one page at a time (the heavy question, served in pages of ≤ 100). */
  codeFeeds(args: { code: string; department: string | null; years: number[] | null; includeDescendants: boolean }, ordering: Ordering, page: PageArgs, plan: FeedRowPlan): Promise<Page<CodeFeedRow>> {
    // The default order of one code, unfiltered, is read through the index booked_under_code_owner
    // a page at a time (cypher/code-feeds-default-page.cypher): the same page, flags, total and
    // cursors as code-feeds-page, which sorts every link of the code and serves the other cases.
    if (ordering.keys.length === 0 && args.department === null && args.years === null && !args.includeDescendants) {
      const first = page.first === null ? null : neo4j.int(page.first);
      const last = page.last === null ? null : neo4j.int(page.last);
      return this.runner
        .read('code-feeds-default-page', { code: args.code, after: page.after, before: page.before, first, last, withSortKeys: page.withSortKeys, ...plan })
        .then((res) => pageOf(res.records, codeFeedRow, LISTS.codeFeeds.presentIf, page.withSortKeys));
    }
    return this.list('codeFeeds', null, ordering, page, codeFeedRow, { ...args, ...plan, years: args.years ? args.years.map((y) => neo4j.int(y)) : null });
  }

  async projectsFeedingCode(code: string, department: string | null, years: number[] | null, includeDescendants: boolean, plan: FeedRowPlan): Promise<CodeFeedRow[]> {
    const res = await this.runner.read('projects-feeding-code', { code, department, years, includeDescendants, ...plan });
    return res.records.map((r) => codeFeedRow(plainMap(r.get('feed'))));
  }

  /** CodeFeed rows by key (node(id) refetch), whole department, unit and project, with support and alternatives. */
  async codeFeedsByKey(keys: readonly string[]): Promise<Map<string, CodeFeedRow>> {
    const res = await this.runner.read('code-feeds-by-id', { keys: [...keys], ...WHOLE_FEED_ROW });
    return new Map(res.records.map((r) => [String(r.get('key')), codeFeedRow(plainMap(r.get('value')))]));
  }

  /** A document with the lines and allocations its selection reads (src/query/projection.ts): one statement. */
  async documentBundle(id: string, plan: DocumentBundlePlan): Promise<DocumentBundle | null> {
    const res = await this.runner.read('document-bundle', { id, ...plan });
    const rec = res.records[0];
    if (!rec) return null;
    const document = documentRow(plainMap(rec.get('document')));
    const props = (r: Projected, keys: string[] | null) => ({ ...zip(r.k ?? keys!, r.v), documentId: document.id, unitId: unitIdOf(r.unit) });
    const units = new Map<string, UnitRow>();
    // Lines share a handful of units: each is mapped once.
    const unitOf = (r: Projected) => {
      const id = unitIdOf(r.unit);
      if (id && !units.has(id)) units.set(id, unitRow(plainMap(r.unit)));
    };
    const lines = projectedRows(rec.get('lines'), 'lines').map((r) => {
      unitOf(r);
      return budgetLineRow(props(r, plan.lineKeys));
    });
    const projects: ProjectRow[] = [];
    const allocations = projectedRows(rec.get('allocations'), 'allocations').map((r) => {
      unitOf(r);
      if (r.project) projects.push(projectRow(plainMap(r.project)));
      const allocation = projectedRow<AllocationRow>({ ...props(r, plan.allocationKeys), projectId: r.projectId });
      return r.links ? { ...allocation, bundledLinks: codeLinks(plainMaps(r.links)) } : allocation;
    });
    return { document, lines, allocations, units: [...units.values()], projects };
  }

  /** Exact sums by dimensions (src/query/aggregate.ts decides which facts count). */
  async aggregate(measure: AggregateMeasure, dims: AggregateDimension[], filter: AggregateFilterArgs, orderBy: AggregateOrder[], first: number): Promise<AggregateResult> {
    return aggregate(this.runner, measure, dims, filter, orderBy, first);
  }

  /** The rows a money trail is computed from (cypher/money-trail.cypher): one per matching document. */
  async moneyTrailInputs(department: string, year: number, kind: string | null): Promise<TrailRow[]> {
    const res = await this.runner.read('money-trail', { department, year, kind, listed: neo4j.int(MONEY_TRAIL_LISTED) });
    return res.records.map((r) => {
      const input = row<TrailRow>(r);
      return { ...input, investmentLinks: input.investmentLinks.map((k) => ({ ...k, investment: { ...k.investment, source: sourceOf(k.investment) } })) };
    });
  }

  /** Everything a lineage needs, in one statement (cypher/lineage.cypher). */
  async lineage(projectId: string): Promise<LineageData | null> {
    const res = await this.runner.read('lineage', { projectId });
    const rec = res.records[0];
    if (!rec) return null;
    const r = row<{ project: ProjectRow; department: DepartmentRow; years: Props[] }>(rec);
    const byLine = <T extends { source: { line: number | null } }>(list: T[]) => list.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
    return {
      project: r.project,
      department: r.department,
      years: r.years.map((y) => ({
        allocation: factRow(props(y, 'allocation'), ALLOCATION_FIELDS),
        unit: y.unit == null ? null : unitRow(props(y, 'unit'), r.department.id),
        document: documentRow(props(y, 'document')),
        links: codeLinks(list(y, 'links')),
        investments: byLine(list(y, 'investments').map(investmentRow)),
        indicators: byLine(list(y, 'indicators').map((x) => factRow(x, INDICATOR_FIELDS))),
        evaluations: byLine(list(y, 'evaluations').map((x) => factRow(x, EVALUATION_FIELDS))),
      })),
    };
  }

  async search(query: string, raw: string, prefix: string | null, limit: number): Promise<SearchHitRow[]> {
    const res = await this.runner.read('search', { query, raw, prefix, limit });
    return res.records.map((r) => {
      const hit = row<{ node: RawNode; score: number }>(r);
      const node = graphNode(hit.node);
      return { id: node.id, kind: node.kind, name: node.name, code: typeof node.properties.code === 'string' ? node.properties.code : null, detail: detailOf(node), score: hit.score };
    });
  }

  async searchCounts(query: string, prefix: string | null): Promise<{ kind: NodeKind; count: number }[]> {
    const res = await this.runner.read('search-counts', { query, prefix });
    return res.records.map((r) => ({ kind: nodeKindOf(String(r.get('kind'))), count: Number(r.get('n')) }));
  }

  async neighbours(label: string, key: string, limit: number): Promise<Neighbourhood | null> {
    const res = await this.runner.read('neighbours', { label, key, limit });
    const rec = res.records[0];
    if (!rec) return null;
    const r = row<{ center: RawNode; total: number; around: { node: RawNode; edge: RawEdge }[] }>(rec);
    const ids = new Map<string, string>();
    const center = graphNode(r.center);
    ids.set(r.center.elementId, center.id);
    const nodes = r.around.map((x) => {
      const n = graphNode(x.node);
      ids.set(x.node.elementId, n.id);
      return n;
    });
    // Two relationships to one neighbour (a NAMED and a RECONCILED link) list the node once.
    const unique = [...new Map(nodes.map((n) => [n.id, n])).values()].filter((n) => n.id !== center.id);
    return { center, nodes: unique, edges: r.around.map((x) => graphEdge(x.edge, ids)), total: r.total };
  }

  async paths(from: { label: string; key: string }, to: { label: string; key: string }, maxHops: number, limit: number): Promise<PathRow[]> {
    // Path search fans out through hubs (documents, shared codes): it gets a short timeout of its
    // own, and the hop bound sits in the pattern, so a request for 3 hops never searches 8.
    const res = await this.runner.readBounded('paths', 'MAX_HOPS', maxHops, { from, to, limit }, PATHS_TIMEOUT_MS);
    return res.records.map((rec) => {
      const r = row<{ nodes: RawNode[]; edges: RawEdge[] }>(rec);
      const ids = new Map<string, string>();
      const nodes = r.nodes.map((x) => {
        const n = graphNode(x);
        ids.set(x.elementId, n.id);
        return n;
      });
      return { nodes, edges: r.edges.map((e) => graphEdge(e, ids)) };
    });
  }
}

function detailOf(node: GraphNodeRow): string | null {
  const p = node.properties;
  switch (node.kind) {
    case 'Project':
      return p.departmentId ? String(p.departmentId) : null;
    case 'Document':
      return `${p.year} ${Array.isArray(p.kinds) ? p.kinds.join(', ') : ''}`.trim();
    case 'InvestmentProject':
      return `${p.code} (${p.year})`;
    case 'FunctionCode':
    case 'EconomicCode':
    case 'ProcurementItem':
      return node.kind;
    default:
      return null;
  }
}

/**
 * A page statement's records as a Page: one record per row of the page (an empty page: one
 * record whose item is null), each carrying the page's total and flags, and its sort key when
 * the statement was asked for them (withSortKeys).
 */
function pageOf<T>(records: Neo4jRecord[], map: (p: Record<string, unknown>) => T, presentIf: string, withSortKeys: boolean): Page<T> {
  const first = records[0];
  if (!first) return { total: 0, items: [], keys: withSortKeys ? [] : null, hasNextPage: false, hasPreviousPage: false };
  const head = row<{ total: number; hasNextPage: boolean; hasPreviousPage: boolean }>(first);
  // A node removed by a replace between this statement's MATCH and its projection reads back as
  // a map without properties (Neo4j reads committed data statement by statement): its `presentIf`
  // field (ListSpec) is null. It is left out, as if removed a moment sooner — not decoded into a
  // 500 (issue #36: 11 of 63,732 reads during replaces).
  const rawItems = records.map((r): unknown => r.get('item')).filter((it): it is Props => isProps(it) && it[presentIf] != null);
  return {
    total: head.total,
    items: rawItems.map((it) => map(plainMap(it))),
    // Sort keys keep their integers exact for the cursor (plain() makes them numbers).
    keys: withSortKeys ? rawItems.map((it) => sortKeyOf(it)) : null,
    hasNextPage: head.hasNextPage,
    hasPreviousPage: head.hasPreviousPage,
  };
}

/** An item's sort key, asked of the statement (withSortKeys): a row without one is a broken statement. */
function sortKeyOf(item: Props): unknown[] {
  const key = item.sortKey;
  if (!Array.isArray(key)) throw new ProgramBugError('CURSOR_UNREAD', 'a page statement asked for sort keys returned a row without one');
  return key.map((v: unknown) => (neo4j.isInt(v) ? BigInt(v.toString()) : v));
}

/**
 * A row of a projected statement (document-bundle): it carries only the properties the query's
 * selection reads (src/query/projection.ts decides them), so it cannot be decoded whole. The one
 * documented unchecked cast of the read side: the API reads no field the projection left out.
 */
function projectedRow<T>(p: Props): T {
  // Unchecked by design (see above): T's fields outside the projection are never read.
  return { ...p, source: sourceOf(p) } as T;
}

/** A row of document-bundle's lines / allocations: keys (null when projected), values, unit and the allocation's extras. */
interface Projected {
  k: string[] | null;
  v: unknown[];
  unit: unknown;
  projectId: unknown;
  project: unknown;
  links: unknown;
}

/** document-bundle's `lines` or `allocations` column, each row checked to be a projected row. */
function projectedRows(value: unknown, what: string): Projected[] {
  if (!Array.isArray(value)) throw new Error(`document-bundle returned ${what} as ${value === null ? 'null' : typeof value}, expected a list`);
  return value.map((r: unknown, i): Projected => {
    if (!isProps(r) || !Array.isArray(r.v) || (r.k !== null && r.k !== undefined && !Array.isArray(r.k))) throw new Error(`document-bundle returned ${what}[${i}] that is not a projected row`);
    return { k: Array.isArray(r.k) ? r.k.map(String) : null, v: r.v, unit: r.unit, projectId: r.projectId, project: r.project, links: r.links };
  });
}

/** The id of a projected unit map ({.id, .name, .isSelf}); null when the row has no unit. */
function unitIdOf(unit: unknown): string | null {
  return isProps(unit) && typeof unit.id === 'string' ? unit.id : null;
}

/** search-counts' kind: the first label of a node the search index covers, each a node kind. */
function nodeKindOf(kind: string): NodeKind {
  if (isNodeKind(kind)) return kind;
  throw new Error(`search-counts returned the label ${kind}, which is no node kind`);
}

/** The years of a project filter, read from the filter object (GraphQL's input), each checked. */
function amountWindowOf(filter: FilterTree | null | undefined): AmountWindow {
  const f = new Map<string, unknown>(Object.entries(filter ?? {}));
  const int = (v: unknown) => (typeof v === 'number' ? v : null);
  const yearIn = f.get('yearIn');
  return { year: int(f.get('year')), yearIn: Array.isArray(yearIn) ? yearIn.filter((y): y is number => typeof y === 'number') : null, yearFrom: int(f.get('yearFrom')), yearTo: int(f.get('yearTo')) };
}
