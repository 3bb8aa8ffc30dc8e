import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { globalId } from '../../model/ids.js';
import { Document } from '../types/documents.js';
import type { ApiContext } from '../context.js';
import { BudgetGraphError } from '../../errors.js';
import type { AggregateCellRow, AggregateResult } from '../../query/aggregate.js';
import { Aggregate, AggregateCell, AggregateSource, AggregateDimension, AggregateFilter, AggregateMeasure, AggregateOrder, type Dimension, type Measure } from '../types/aggregate.js';
import { codeKey } from '../../model/codes.js';
import { renameFilterFields } from '../../query/filters.js';

const MAX_CELLS = 1000;

/** AggregateFilter's list filters by the naming rule → the names the aggregate statement's table has. */
const AGGREGATE_OLD_NAMES = { yearIn: 'years', codeIn: 'codes', documentKindIn: 'documentKinds' } as const;

@Resolver(() => Aggregate)
export class AggregateResolver {
  @Query(() => Aggregate, {
    complexity: 1000,
    description:
      'Exact sums of budget (预算) or final-account (决算) lines grouped by any dimensions, e.g. aggregate(measure: TOTAL, groupBy: [YEAR], filter: {department: "<district>", code: "2010504"}). No money is counted twice: each document counts once, through its primary table of the scheme (or with FUND each fund’s own table), at the 项 (经济: 款) level; a 类 / 款 cell is the sum of its 项 and says where the printed line differs. `reads` says it in words.',
  })
  async aggregate(
    @Ctx() { repo }: ApiContext,
    @Arg('measure', () => AggregateMeasure, { description: 'What to sum.' }) measure: Measure,
    @Arg('groupBy', () => [AggregateDimension], { defaultValue: [], description: 'Dimensions to group by (none: one cell, the total).' }) groupBy: Dimension[],
    @Arg('filter', () => AggregateFilter, { nullable: true, description: 'Which facts to read.' }) filter?: AggregateFilter,
    @Arg('orderBy', () => [AggregateOrder], { nullable: true, description: 'Sort keys of the cells, first key first (default: year, department, unit, kind, fund, code).' }) orderBy?: AggregateOrder[],
    @Arg('first', () => Int, { nullable: true, description: `Cells to return: default 100, at most ${MAX_CELLS}.` }) first?: number,
  ) {
    const n = first ?? 100;
    if (n < 0 || n > MAX_CELLS) throw new BudgetGraphError('BAD_USER_INPUT', `first must be between 0 and ${MAX_CELLS}; total and groups cover every group anyway.`, { argument: 'first' });
    // scheme chooses the lines read; every other field is a test that nests with and / or / not.
    const { scheme, ...given } = filter ?? {};
    // aggregate() sums the two classifications whose 类 / 款 / 项 add up; a 政府采购 item list is
    // not one (its codes do not sum to a parent), so PROCUREMENT is the client's mistake, said so.
    if (scheme === 'PROCUREMENT') throw new BudgetGraphError('BAD_USER_INPUT', 'filter.scheme is FUNCTION or ECONOMIC: aggregate() sums the 功能 and 经济 classifications; 政府采购 (PROCUREMENT) items are read one by one through classificationCode(scheme: PROCUREMENT, code: …) { lines }.', { argument: 'filter' });
    // src/query/aggregate.ts's field table still knows the list filters by their old names.
    const tree = renameFilterFields(given, AGGREGATE_OLD_NAMES);
    return repo.aggregate(
      measure,
      [...new Set(groupBy)],
      { tree: filter ? tree : null, scheme: scheme ?? null },
      (orderBy ?? []).map((o) => ({ field: o.field, direction: o.direction })),
      n,
    );
  }

  @FieldResolver(() => [AggregateSource], { description: 'Every document the filter matches, whether its facts are in the sums, and why not (another basis, no table of the scheme, no total). One more statement, only when asked.' })
  sources(@Root() a: AggregateResult) {
    return a.sources();
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why there are no cells, when there are none (no document matches; or the reasons of the documents that do).' })
  emptyBecause(@Root() a: AggregateResult) {
    return a.emptyBecause();
  }
}

@Resolver(() => AggregateCell)
export class AggregateCellResolver {
  // Ids are global, as every id of the API: the same a Department, BudgetUnit or Document answers.
  @FieldResolver(() => ID, { nullable: true, description: 'DEPARTMENT: its id (Department.id).' })
  departmentId(@Root() c: AggregateCellRow) {
    return c.departmentId === null ? null : globalId('Department', c.departmentId);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'UNIT: its id (BudgetUnit.id).' })
  unitId(@Root() c: AggregateCellRow) {
    return c.unitId === null ? null : globalId('BudgetUnit', c.unitId);
  }

  @FieldResolver(() => [ID], { description: 'The documents the facts come from (Document.id).' })
  documents(@Root() c: AggregateCellRow) {
    return c.documents.map((d) => globalId('Document', d));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The code’s name (its latest year’s), for a code dimension.' })
  async name(@Root() c: AggregateCellRow, @Ctx() { loaders }: ApiContext) {
    if (!c.code) return null;
    const code = await loaders.codeByKey.load(codeKey(c.scheme === 'FUNCTION' ? 'FUNCTION' : 'ECONOMIC', c.code));
    return code?.name ?? null;
  }
}

@Resolver(() => AggregateSource)
export class AggregateSourceResolver {
  @FieldResolver(() => Document, { description: 'The document.' })
  document(@Root() s: AggregateSource, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.load(s.documentId);
  }
}
