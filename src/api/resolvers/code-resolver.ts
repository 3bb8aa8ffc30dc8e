import { keyOf } from '../../model/ids.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { BudgetLine, Document } from '../types/documents.js';
import { ClassificationCode, CodeFeed, CodeScheme, YearName } from '../types/codes.js';
import { ProjectAllocation } from '../types/projects.js';
import { BudgetGraphError } from '../../errors.js';
import type { CodeFeedRow, CodeRow } from '../../query/records.js';
import { InvestmentProject } from '../types/investments.js';
import { primeWholeNeighbours } from '../../../loaders/prime.js';
import { selectionTree, selectsCursor } from '../selection.js';
import { feedRowPlan } from '../../query/feed-row-plan.js';
import { listArgs, toConnection } from '../pagination.js';
import { Connection } from '../types/connection.js';
import { CodeFeedOrder } from '../types/inputs.js';
import { codeKey } from '../../model/codes.js';
import { parseYearName } from '../../model/ids.js';
import { eitherName } from '../../query/filters.js';

const YEARS_DEPRECATED = 'Use yearIn (a list filter is named <field>In everywhere).';

export const CodeFeedConnection = Connection(CodeFeed, 'CodeFeed', 'project → code link');


function checkCode(code: string): string {
  const c = code.trim();
  if (!/^[0-9A-Z]{1,12}$/.test(c)) throw new BudgetGraphError('BAD_USER_INPUT', `"${code}" is not a classification code; give digits as printed, e.g. "2010504" (功能分类) or "30201" (经济分类).`, { argument: 'code' });
  return c;
}

@Resolver(() => ClassificationCode)
export class CodeResolver {
  @Query(() => ClassificationCode, { nullable: true, description: 'A classification code (科目) with its hierarchy, lines and the projects linked to it.' })
  async classificationCode(
    @Ctx() { loaders }: ApiContext,
    @Arg('code', () => String, { description: 'The code as printed, e.g. "2010504" (类 3 digits, 款 5, 项 7).' }) code: string,
    @Arg('scheme', () => CodeScheme, { defaultValue: CodeScheme.FUNCTION, description: 'Which classification the code belongs to (default FUNCTION, 功能分类).' }) scheme: CodeScheme,
  ) {
    return loaders.codeByKey.load(codeKey(scheme, checkCode(code)));
  }

  @Query(() => [CodeFeed], {
    description:
      'Which projects fed a 功能分类 code, year by year: every project → code link with its method (DIRECT / RECONCILED / NAMED) and the lines that prove it. `department` matches ids, names and aliases (substring); `yearIn` limits the years; `includeDescendants` also reports links to sub-codes.',
  })
  async projectsFeedingCode(
    @Ctx() { repo, loaders }: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('code', () => String, { description: 'The 功能分类 code, e.g. "2010504".' }) code: string,
    @Arg('department', () => String, { nullable: true, description: 'Department id (global or bare), name or alias (substring); all departments when omitted.' }) department?: string,
    @Arg('yearIn', () => [Int], { nullable: true, description: 'Only these years (all when omitted).' }) yearIn?: number[],
    @Arg('years', () => [Int], { nullable: true, description: 'Only these years (all when omitted).', deprecationReason: YEARS_DEPRECATED }) oldYears?: number[],
    @Arg('includeDescendants', () => Boolean, { defaultValue: false, description: 'Also report links to the code’s sub-codes (a 类 or 款 with its 项).' }) includeDescendants?: boolean,
  ) {
    const neighbours = feedRowPlan(selectionTree(info));
    const years = eitherName(yearIn, oldYears, 'yearIn', 'years', 'yearIn');
    const feeds = await repo.projectsFeedingCode(checkCode(code), department ? keyOf('Department', department) : null, years ?? null, includeDescendants ?? false, neighbours);
    for (const f of feeds) primeWholeNeighbours(loaders, f, neighbours);
    return feeds;
  }

  @Query(() => CodeFeedConnection, {
    description: 'The rows of projectsFeedingCode one page at a time (keyset cursors), for all-years questions with hundreds of links: the same links, sortable.',
  })
  async codeFeeds(
    @Ctx() { repo, loaders }: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('code', () => String, { description: 'The 功能分类 code, e.g. "2010504".' }) code: string,
    @Arg('department', () => String, { nullable: true, description: 'Department id (global or bare), name or alias (substring); all departments when omitted.' }) department?: string,
    @Arg('yearIn', () => [Int], { nullable: true, description: 'Only these years (all when omitted).' }) yearIn?: number[],
    @Arg('years', () => [Int], { nullable: true, description: 'Only these years (all when omitted).', deprecationReason: YEARS_DEPRECATED }) oldYears?: number[],
    @Arg('includeDescendants', () => Boolean, { defaultValue: false, description: 'Also report links to the code’s sub-codes (a 类 or 款 with its 项).' }) includeDescendants?: boolean,
    @Arg('orderBy', () => [CodeFeedOrder], { nullable: true, description: 'Sort keys, first key first (default: document, then project; orderBy YEAR for years in order).' }) orderBy?: { field: string; direction: string }[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page backwards: the last N (at most 100) before `before` (or of all).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'startCursor of the page after this one, to page backwards.' }) before?: string,
  ) {
    const years = eitherName(yearIn, oldYears, 'yearIn', 'years', 'yearIn');
    const tree = selectionTree(info);
    const { order, signature, page } = listArgs('codeFeeds', orderBy, first, after, last, before, selectsCursor(tree));
    const neighbours = feedRowPlan(tree);
    const result = await repo.codeFeeds({ code: checkCode(code), department: department ? keyOf('Department', department) : null, years: years ?? null, includeDescendants: includeDescendants ?? false }, order, page, neighbours);
    for (const f of result.items) primeWholeNeighbours(loaders, f, neighbours);
    return toConnection(result, signature);
  }

  @FieldResolver(() => [YearName], { complexity: 5 })
  names(@Root() c: ClassificationCode & { namesByYear: string[] }): YearName[] {
    return (c.namesByYear ?? []).map(parseYearName);
  }

  @FieldResolver(() => ClassificationCode, { nullable: true, description: 'The code one level up (项 → 款 → 类).' })
  async parent(@Root() c: ClassificationCode, @Ctx() { loaders }: ApiContext) {
    return c.parentKey ? loaders.codeByKey.load(c.parentKey) : null;
  }

  @FieldResolver(() => [ClassificationCode], { complexity: 10, description: 'Its sub-codes (款 of a 类, 项 of a 款) that some document prints.' })
  async children(@Root() c: ClassificationCode, @Ctx() { loaders }: ApiContext) {
    const all = await loaders.codeByKey.loadMany(c.childKeys ?? []);
    return all.filter((x): x is CodeRow => x !== null && !(x instanceof Error)).sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [BudgetLine], { complexity: 50, description: 'Every line printed for this code, across documents; `yearIn` filters.' })
  async lines(
    @Root() c: ClassificationCode,
    @Ctx() { loaders }: ApiContext,
    @Arg('yearIn', () => [Int], { nullable: true, description: 'Only lines of these years (all when omitted).' }) yearIn?: number[],
    @Arg('years', () => [Int], { nullable: true, description: 'Only lines of these years (all when omitted).', deprecationReason: YEARS_DEPRECATED }) oldYears?: number[],
  ) {
    const years = eitherName(yearIn, oldYears, 'yearIn', 'years', 'yearIn');
    const lines = await loaders.linesByCode.load(c.key);
    return years ? lines.filter((l) => years.includes(l.year)) : lines;
  }
}

@Resolver(() => CodeFeed)
export class CodeFeedResolver {
  @FieldResolver(() => ProjectAllocation, { nullable: true, description: 'The project in that document, with its amounts and indicators.' })
  allocation(@Root() f: CodeFeed, @Ctx() { loaders }: ApiContext) {
    return f.allocationId === null ? null : loaders.allocationById.get(f.allocationId);
  }

  @FieldResolver(() => InvestmentProject, { nullable: true, description: 'The investment project (政府投资项目) of an investment row; null for a project’s row.' })
  investment(@Root() f: CodeFeedRow) {
    return f.investment;
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document the link is read from.' })
  document(@Root() f: CodeFeed, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(f.documentId);
  }
}
