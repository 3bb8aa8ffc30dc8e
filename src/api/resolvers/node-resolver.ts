// node(id) / nodes(ids) — Relay's refetch — and each entity type's global `id`. One table says,
// per GraphQL type, which model kinds it serves and how a key is read back; the `id` field
// resolvers, the refetch and the test that walks every kind (tests/integration/node.test.ts)
// all iterate it.
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { ApiContext } from '../context.js';
import type { Loaders } from '../../../loaders/index.js';
import { BudgetGraphError } from '../../errors.js';
import { codeGlobalId, documentIdOfFile, globalId, splitGlobalId } from '../../model/ids.js';
import type { Repository } from '../../query/repository.js';
import { NODE_KINDS, isCodeKind, type NodeKind } from '../../model/nodes.js';
import { Node, type TypedRow } from '../types/node.js';
import { Anomaly } from '../types/anomalies.js';
import { ClassificationCode, CodeFeed } from '../types/codes.js';
import { BudgetLine, BudgetUnit, Department, Document, ThreeCosts } from '../types/documents.js';
import { Figure, Payment, ProseAmount, TableTotal } from '../types/figures.js';
import { InvestmentProject } from '../types/investments.js';
import { Indicator, Project, ProjectAllocation, ProjectListing, SelfEvaluation } from '../types/projects.js';

/** The most ids one nodes() call refetches. */
export const MAX_NODES = 100;

type Fetch = (loaders: Loaders, key: string, repo: Repository) => Promise<object | null>;

interface NodeType {
  type: ClassType;
  /** The model kind a global id names (its key decoded by splitGlobalId), or CodeFeed (a counted link served as an object). */
  kind: NodeKind | 'CodeFeed';
  fetch: Fetch;
}

/** Every GraphQL type that implements Node, by the kind its global id names. */
const NODE_TYPES: readonly NodeType[] = [
  { type: Department, kind: 'Department', fetch: (l, k, repo) => departmentByRef(l, repo, k) },
  { type: Document, kind: 'Document', fetch: (l, k) => documentByRef(l, k) },
  { type: BudgetUnit, kind: 'BudgetUnit', fetch: (l, k) => l.unitById.load(k) },
  { type: Project, kind: 'Project', fetch: (l, k) => l.projectById.load(k) },
  { type: ProjectAllocation, kind: 'ProjectAllocation', fetch: (l, k) => l.allocationById.load(k) },
  { type: ProjectListing, kind: 'ProjectListing', fetch: (l, k) => l.listingById.load(k) },
  { type: BudgetLine, kind: 'BudgetLine', fetch: (l, k) => l.lineById.load(k) },
  { type: Indicator, kind: 'Indicator', fetch: (l, k) => l.indicatorById.load(k) },
  { type: InvestmentProject, kind: 'InvestmentProject', fetch: (l, k) => l.investmentById.load(k) },
  { type: SelfEvaluation, kind: 'SelfEvaluation', fetch: (l, k) => l.evaluationById.load(k) },
  { type: ThreeCosts, kind: 'ThreeCosts', fetch: (l, k) => l.threeCostsById.load(k) },
  { type: Anomaly, kind: 'Anomaly', fetch: (l, k) => l.anomalyById.load(k) },
  { type: Figure, kind: 'Figure', fetch: (l, k) => l.figureById.load(k) },
  { type: TableTotal, kind: 'TableTotal', fetch: (l, k) => l.tableTotalById.load(k) },
  { type: ProseAmount, kind: 'ProseAmount', fetch: (l, k) => l.proseAmountById.load(k) },
  { type: Payment, kind: 'Payment', fetch: (l, k) => l.paymentById.load(k) },
  { type: CodeFeed, kind: 'CodeFeed', fetch: (l, k) => l.codeFeedById.load(k) },
  // The three code kinds share one type; their key is the whole global id (codes.ts).
  ...NODE_KINDS.filter(isCodeKind).map((kind): NodeType => ({ type: ClassificationCode, kind, fetch: (l, k) => l.codeByKey.load(`${kind}:${k}`) })),
];

/**
 * A department by id, or else by the short name the filters take ("Department:龙岗"): its id,
 * name or an alias containing the text, when exactly one department does; several are a
 * BAD_USER_INPUT naming them, as moneyTrail's department is.
 */
async function departmentByRef(loaders: Loaders, repo: Repository, key: string): Promise<object | null> {
  const exact = await loaders.departmentById.load(key);
  if (exact || key.trim().length === 0) return exact;
  const found = await repo.departments(key.trim());
  if (found.length > 1) {
    throw new BudgetGraphError('BAD_USER_INPUT', `"Department:${key.slice(0, 100)}" names ${found.length} departments: ${found.slice(0, 10).map((d) => d.name).join('; ')}. Give more of the name, or the id.`, { argument: 'id' });
  }
  return found[0] ?? null;
}

/** A document by id, or else by its file name as the filters' `file` / `document` take it ("Document:004_….txt"). */
async function documentByRef(loaders: Loaders, key: string): Promise<object | null> {
  const exact = await loaders.documentById.load(key);
  if (exact || documentIdOfFile(key) === key) return exact;
  const byFile = await loaders.documentById.load(documentIdOfFile(key));
  return byFile?.file === key ? byFile : null;
}

/** The kinds node(id) takes, for its error message and the tests. */
export const NODE_ID_KINDS: readonly string[] = NODE_TYPES.map((t) => t.kind);

/** The `id` field of one Node type: the row's key as a global id. */
function nodeIdResolver(entry: NodeType): ClassType {
  @Resolver(() => entry.type)
  class NodeIdResolver {
    @FieldResolver(() => ID, { description: 'Global id, "<__typename>:<key>": node(id) refetches it; search, neighbours and paths take it too.' })
    id(@Root() row: { id?: string; key?: string }): string {
      // A code row's key names its scheme ("FunctionCode:2010504"); every other row carries its kind's key as `id`.
      return entry.type === ClassificationCode ? codeGlobalId(String(row.key)) : globalId(entry.type.name, String(row.id));
    }
  }
  return NodeIdResolver;
}

export const nodeIdResolvers: ClassType[] = NODE_TYPES.filter((t, i) => NODE_TYPES.findIndex((u) => u.type === t.type) === i).map(nodeIdResolver);

async function refetch(loaders: Loaders, repo: Repository, id: string): Promise<TypedRow | null> {
  const parts = splitGlobalId(id);
  const entry = parts ? NODE_TYPES.find((t) => t.kind === parts.kind) : undefined;
  if (!parts || !entry) {
    throw new BudgetGraphError('BAD_USER_INPUT', `"${id.slice(0, 200)}" is not a global id; ids look like "<Type>:<key>" ("Project:…", "ClassificationCode:FunctionCode:2010504") with the kind one of ${NODE_ID_KINDS.join(', ')} (take them from any object's id, search or neighbours).`, { argument: 'id' });
  }
  const row = await entry.fetch(loaders, parts.key, repo);
  return row ? { ...row, __typename: entry.type.name } : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id (Relay refetch): Project, Document, BudgetLine, Anomaly, CodeFeed, … typed; null when nothing has the id.' })
  node(@Ctx() { loaders, repo }: ApiContext, @Arg('id', () => ID, { description: 'A global id, "<__typename>:<key>", as any object’s id gives it ("FunctionCode:…" of old still taken); as the filters take them, a department also by a short name ("Department:龙岗") and a document by its file name ("Document:004_….txt").' }) id: string) {
    return refetch(loaders, repo, id);
  }

  @Query(() => [Node], { nullable: 'items', description: `Several objects by global id, in the order asked (null for an id nothing has); at most ${MAX_NODES}.` })
  nodes(@Ctx() { loaders, repo }: ApiContext, @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[]) {
    if (ids.length > MAX_NODES) throw new BudgetGraphError('BAD_USER_INPUT', `nodes() takes at most ${MAX_NODES} ids (got ${ids.length}); ask in pages.`, { argument: 'ids' });
    return Promise.all(ids.map((id) => refetch(loaders, repo, id)));
  }
}
