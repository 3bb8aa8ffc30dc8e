import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { listLimit } from '../pagination.js';
import { GraphNode, GraphPath, KindCount, Neighbourhood, SearchHit } from '../types/graph.js';
import { BudgetGraphError } from '../../errors.js';
import { parseGlobalId } from '../../query/graph-nodes.js';
import { luceneQuery } from '../../query/search-text.js';

export const MAX_HOPS = 6;
export const MAX_PATHS = 10;

@Resolver()
export class GraphResolver {
  @Query(() => [SearchHit], { description: 'Find any node by Chinese name, classification code or 国家编码 (CJK full-text; digits also match code prefixes). first: default 10, at most 50.' })
  async search(@Ctx() { repo }: ApiContext, @Arg('text', () => String, { description: 'A name (信息事务), a code or code prefix (2010504) or a 国家编码.' }) text: string, @Arg('first', () => Int, { nullable: true, description: 'How many hits: default 10, at most 50.' }) first?: number) {
    const limit = listLimit(first, 10, 50);
    const q = luceneQuery(text);
    if (!q.query && !q.prefix) throw new BudgetGraphError('BAD_USER_INPUT', 'search text is empty; type a name (信息事务), a code (2010504) or a 国家编码.', { argument: 'text' });
    return repo.search(q.query ?? '""', text.normalize('NFKC').trim(), q.prefix, limit);
  }

  @Query(() => [KindCount], { description: 'How many nodes of each kind a search text finds (counted up to 1,000 index matches), to group suggestions by kind.' })
  async searchCounts(@Ctx() { repo }: ApiContext, @Arg('text', () => String, { description: 'The same text as search.' }) text: string) {
    const q = luceneQuery(text);
    if (!q.query && !q.prefix) throw new BudgetGraphError('BAD_USER_INPUT', 'search text is empty; type a name (信息事务), a code (2010504) or a 国家编码.', { argument: 'text' });
    return repo.searchCounts(q.query ?? '""', q.prefix);
  }

  @Query(() => Neighbourhood, { nullable: true, description: 'A node and its neighbours (structure first, document membership last). first: default 25, at most 100.' })
  async neighbours(@Ctx() { repo }: ApiContext, @Arg('id', () => ID, { description: 'Global id, "<__typename>:<key>" as Node.id gives it (from search, node or a previous neighbours).' }) id: string, @Arg('first', () => Int, { nullable: true, description: 'How many neighbours: default 25, at most 100.' }) first?: number) {
    const limit = listLimit(first, 25, 100);
    const { label, key } = parseGlobalId(id);
    const n = await repo.neighbours(label, key, limit);
    return n ? { center: n.center, nodes: n.nodes, edges: n.edges, totalCount: n.total } : null;
  }

  @Query(() => GraphNode, { nullable: true, description: 'One node of the graph by its global id, untyped, with every stored property (the explorer\'s view; node(id) gives the typed object).' })
  async graphNode(@Ctx() { repo }: ApiContext, @Arg('id', () => ID, { description: 'Global id, "<__typename>:<key>" as Node.id gives it.' }) id: string) {
    const { label, key } = parseGlobalId(id);
    return (await repo.neighbours(label, key, 0))?.center ?? null;
  }

  @Query(() => [GraphPath], { description: `Shortest paths between two nodes, at most maxHops (≤ ${MAX_HOPS}) relationships long; at most ${MAX_PATHS} paths.` })
  async paths(
    @Ctx() { repo }: ApiContext,
    @Arg('from', () => ID, { description: 'Global node id of the start.' }) from: string,
    @Arg('to', () => ID, { description: 'Global node id of the end.' }) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: 'Longest path, in relationships (1–6, default 4).' }) maxHops: number,
  ) {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
      throw new BudgetGraphError('BAD_USER_INPUT', `maxHops must be between 1 and ${MAX_HOPS} (got ${maxHops}).`, { argument: 'maxHops' });
    }
    const ends = [parseGlobalId(from), parseGlobalId(to)] as const;
    const paths = await repo.paths(ends[0], ends[1], maxHops, MAX_PATHS);
    // No path: say so only if both ends exist; an id nothing has is NOT_FOUND, not "unconnected".
    if (paths.length === 0) {
      const found = await Promise.all(ends.map(({ label, key }) => repo.neighbours(label, key, 0)));
      const missing = [from, to].filter((_, i) => !found[i]);
      if (missing.length) throw new BudgetGraphError('NOT_FOUND', `Nothing has the id ${missing.map((m) => `"${m}"`).join(' or ')}; find ids with search(text) or node(id).`, { argument: found[0] ? 'to' : 'from' });
    }
    return paths.map((p) => ({ length: p.edges.length, nodes: p.nodes, edges: p.edges }));
  }
}
