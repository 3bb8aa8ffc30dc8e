import { eitherName } from '../../query/filters.js';
import { keyOf } from '../../model/ids.js';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { Lineage, LineageStep, LineageStepKind } from '../types/lineage.js';
import { BudgetGraphError } from '../../errors.js';
import { buildLineage } from '../../query/lineage.js';
import { primeLineage } from '../../../loaders/prime.js';

@Resolver(() => Lineage)
export class LineageResolver {
  @Query(() => Lineage, {
    description:
      'A project’s whole funding chain, year by year: funding sources (资金来源) → department → unit → 一级项目 → project → 功能分类 code (with link method) → 国家编码 investment projects → indicators (target vs actual) → self-evaluation; every step with its source line.',
  })
  async lineage(@Ctx() { repo, loaders }: ApiContext, @Arg('projectId', () => ID, { description: 'Project id (Project.id).' }) projectId: string) {
    const data = await repo.lineage(keyOf('Project', projectId));
    if (data) primeLineage(loaders, data);
    const lineage = data ? buildLineage(data) : null;
    if (!lineage) throw new BudgetGraphError('NOT_FOUND', `No project with id "${projectId}"; find ids with projects(filter: {name: …}) or search.`, { argument: 'projectId' });
    return lineage;
  }

  @FieldResolver(() => [LineageStep], { complexity: 50, description: 'The chain, year by year, each step with its source; `kindIn` keeps only those steps.' })
  steps(
    @Root() lineage: Lineage,
    @Arg('kindIn', () => [LineageStepKind], { nullable: true, description: 'Only steps of these kinds (all when omitted).' }) kindIn?: LineageStepKind[],
    @Arg('kinds', () => [LineageStepKind], { nullable: true, description: 'Only steps of these kinds (all when omitted).', deprecationReason: 'Use kindIn (a list filter is named <field>In everywhere).' }) oldKinds?: LineageStepKind[],
  ): LineageStep[] {
    const kinds = eitherName(kindIn, oldKinds, 'kindIn', 'kinds', 'kindIn');
    return kinds ? lineage.steps.filter((s) => kinds.includes(s.kind)) : lineage.steps;
  }
}
