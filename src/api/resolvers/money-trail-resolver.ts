import { keyOf } from '../../model/ids.js';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { Department, Document, DocumentKind } from '../types/documents.js';
import { InvestmentProject } from '../types/investments.js';
import { Contribution, MoneyTrail } from '../types/money-trail.js';
import { ProjectAllocation } from '../types/projects.js';
import { BudgetGraphError } from '../../errors.js';
import { computeMoneyTrail } from '../../query/money-trail.js';

@Resolver(() => MoneyTrail)
export class MoneyTrailResolver {
  @Query(() => MoneyTrail, {
    description:
      'Where a department-year’s project money went (资金去向): each 功能分类 项 line’s 项目支出 and the projects and investment projects that explain it, with method and evidence; what stays unexplained is a figure (projectMoney = explained + unexplained, per line and in total). department: id, name or alias, or a part of one that names one department. kind: which document when the year has several (default: the budget, else the final accounts).',
  })
  async moneyTrail(
    @Ctx() { repo }: ApiContext,
    @Arg('department', () => String, { description: 'Department id (global or bare), name or alias (substring; must match one department).' }) department: string,
    @Arg('year', () => Int, { description: 'Fiscal year, e.g. 2024.' }) year: number,
    @Arg('kind', () => DocumentKind, { nullable: true, description: 'Which document of that year: BUDGET or FINAL_ACCOUNTS (default: the budget, else the final accounts).' }) kind?: DocumentKind,
  ) {
    const text = keyOf('Department', department.trim());
    if (text.length === 0 || text.length > 100) throw new BudgetGraphError('BAD_USER_INPUT', 'department must name a department (id, name or a part of it such as a district name), at most 100 characters.', { argument: 'department' });
    const inputs = await repo.moneyTrailInputs(text, year, kind ?? null);
    const departments = [...new Map(inputs.map((i) => [i.department.id, i.department.name])).values()];
    const matched = inputs[0]?.departmentCount ?? 0;
    if (matched === 0) throw new BudgetGraphError('NOT_FOUND', `No document of a department matching "${text}" for ${year}${kind ? ` (${kind})` : ''}; list them with documents or departments.`);
    // The statement names only a few of many (and reads none of their lines): the count says how many.
    if (matched > 1) {
      const more = matched - departments.length;
      throw new BudgetGraphError('BAD_USER_INPUT', `"${text}" names ${matched} departments with documents for ${year}: ${departments.join('; ')}${more > 0 ? ` and ${more} more` : ''}. Give more of the name.`, { argument: 'department', departments: matched });
    }
    const chosen = inputs.find((i) => i.lines.length > 0) ?? inputs[0]!;
    return computeMoneyTrail(chosen);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department.' })
  department(@Root() t: MoneyTrail, @Ctx() { loaders }: ApiContext) {
    return loaders.departmentById.get(t.departmentId);
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document whose lines the trail reads.' })
  document(@Root() t: MoneyTrail, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(t.documentId);
  }
}

@Resolver(() => Contribution)
export class ContributionResolver {
  @FieldResolver(() => ProjectAllocation, { nullable: true, description: 'The project allocation that contributes, when it is a project.' })
  async project(@Root() c: Contribution, @Ctx() { loaders }: ApiContext) {
    return c.allocationId ? loaders.allocationById.load(c.allocationId) : null;
  }

  @FieldResolver(() => InvestmentProject, { nullable: true, description: 'The investment project that contributes (its 本年完成投资 reconciled to the line), when it is one.' })
  investmentProject(@Root() c: Contribution) {
    return c.investment ?? null;
  }
}
