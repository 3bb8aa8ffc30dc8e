import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectionTree, selectsCursor } from '../selection.js';
import type { ApiContext } from '../context.js';
import { listArgs, toConnection } from '../pagination.js';
import { Connection } from '../types/connection.js';
import { BudgetUnit, Document } from '../types/documents.js';
import { InvestmentProjectFilter, InvestmentProjectOrder } from '../types/inputs.js';
import { FundedUnder, InvestmentProject } from '../types/investments.js';
import { Indicator, ProjectAllocation } from '../types/projects.js';
import { BudgetGraphError } from '../../errors.js';

export const InvestmentProjectConnection = Connection(InvestmentProject, 'InvestmentProject', 'investment project');

@Resolver(() => InvestmentProject)
export class InvestmentResolver {
  @Query(() => InvestmentProjectConnection, { description: 'Government investment projects (政府投资项目), newest report first.' })
  async investmentProjects(
    @Ctx() { repo }: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => InvestmentProjectFilter, { nullable: true, description: 'Which investment projects (all when omitted).' }) filter?: InvestmentProjectFilter,
    @Arg('orderBy', () => [InvestmentProjectOrder], { nullable: true, description: 'Sort keys, first key first (default: newest report year first); ties by 国家编码.' }) orderBy?: { field: string; direction: string }[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page backwards: the last N (at most 100) before `before` (or of all).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'startCursor of the page after this one, to page backwards.' }) before?: string,
  ) {
    const { order, signature, page } = listArgs('investmentProjects', orderBy, first, after, last, before, selectsCursor(selectionTree(info)));
    return toConnection(await repo.investmentProjects(filter, order, page), signature);
  }

  @Query(() => InvestmentProject, { nullable: true, description: 'An investment project by its 国家编码 exactly as printed (newest report when several documents report it).' })
  async investmentProject(@Ctx() { repo }: ApiContext, @Arg('code', () => String, { description: 'The 国家编码 (national project code) as printed.' }) code: string) {
    if (code.trim() === '' || code.length > 40) throw new BudgetGraphError('BAD_USER_INPUT', 'code must be a 国家编码 as printed (year-division-industry-type-serial, e.g. from investmentProjects or search).', { argument: 'code' });
    return (await repo.investmentReports(code.trim()))[0] ?? null;
  }

  @FieldResolver(() => [FundedUnder], { complexity: 2, description: 'The 功能分类 code(s) its money was booked under, through the project it reports on, with method and evidence.' })
  async fundedUnder(@Root() ip: InvestmentProject, @Ctx() { loaders }: ApiContext): Promise<FundedUnder[]> {
    // Its own amounts first (RECONCILED against a 项 line), then the links of the project it reports on.
    const own = await loaders.codeLinksByInvestment.load(ip.id);
    const viaProject = (await loaders.codeLinksByAllocation.loadMany(ip.allocationIds ?? [])).flatMap((x) => (x instanceof Error ? [] : x));
    return [
      ...own.map((l) => ({ code: l.code, name: l.name, method: l.method, via: 'INVESTMENT_AMOUNT', evidence: l.evidence })),
      ...viaProject.map((l) => ({ code: l.code, name: l.name, method: l.method, via: 'PROJECT', evidence: [ip.source, ...l.evidence] })),
    ];
  }

  @FieldResolver(() => [ProjectAllocation], { complexity: 2, description: 'The budget project(s) this investment project reports on, matched by name (REPORTS_ON carries the rule SAME_NAME / NAME_CONTAINS / NAME_SIMILAR, its score and both lines; see neighbours). Empty when no project of the document matches: a diagnostic says so at load.' })
  async projects(@Root() ip: InvestmentProject, @Ctx() { loaders }: ApiContext) {
    const all = await loaders.allocationById.loadMany(ip.allocationIds ?? []);
    return all.filter((x) => x !== null && !(x instanceof Error));
  }

  @FieldResolver(() => BudgetUnit, { nullable: true, description: 'The budget unit (预算单位) that reports it: its 项目单位, else the unit a 单位预算 / 单位决算 is of; null for one printed for the department as a whole (no unit’s). The department is the document’s.' })
  async unit(@Root() ip: InvestmentProject & { unitId?: string | null }, @Ctx() { loaders }: ApiContext) {
    return ip.unitId ? loaders.unitById.load(ip.unitId) : null;
  }

  @FieldResolver(() => [Indicator], { complexity: 20, description: 'The performance indicators (绩效指标) of its form.' })
  indicators(@Root() ip: InvestmentProject, @Ctx() { loaders }: ApiContext) {
    return loaders.indicatorsByInvestment.get(ip.id);
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document that prints the form.' })
  document(@Root() ip: InvestmentProject, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(ip.documentId);
  }
}
