import { keyOf } from '../../model/ids.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectionTree, selectsCursor } from '../selection.js';
import { projectsPagePlan } from '../../query/projection.js';
import type { ApiContext } from '../context.js';
import { listArgs, toConnection } from '../pagination.js';
import { primeNeighbours } from '../../../loaders/prime.js';
import { andThen } from '../../../loaders/primed-loader.js';
import { Anomaly } from '../types/anomalies.js';
import { ClassificationCode, CodeLink } from '../types/codes.js';
import { Connection } from '../types/connection.js';
import { BudgetUnit, Department, Document } from '../types/documents.js';
import { ProjectFilter, ProjectOrder } from '../types/inputs.js';
import { InvestmentProject } from '../types/investments.js';
import { FundingSource, Indicator, ParentProject, ProbableMatch, Project, ProjectAllocation, ProjectListing, SelfEvaluation } from '../types/projects.js';
import { fundingSources } from '../../query/funding.js';

export const ProjectConnection = Connection(Project, 'Project', 'project');

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, { description: 'Projects by name, department, year or the code they are linked to.' })
  async projects(
    @Ctx() { repo, loaders }: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Which projects (all when omitted).' }) filter?: ProjectFilter,
    @Arg('orderBy', () => [ProjectOrder], { nullable: true, description: 'Up to three sort keys, e.g. [{field: AMOUNT, direction: DESC}] for the largest first; ties by department, name and id.' }) orderBy?: { field: string; direction: string }[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page backwards: the last N (at most 100) before `before` (or of all).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'startCursor of the page after this one, to page backwards.' }) before?: string,
  ) {
    const tree = selectionTree(info);
    const { order, signature, page } = listArgs('projects', orderBy, first, after, last, before, selectsCursor(tree));
    const reads = projectsPagePlan(tree);
    const found = await repo.projects(filter, order, page, reads);
    if (reads.wholeDepartment) for (const p of found.items) primeNeighbours(loaders, { department: p.department });
    return toConnection(found, signature);
  }

  @Query(() => Project, { nullable: true, description: 'One project by id, with its allocations across years; null when no project has the id.' })
  project(@Ctx() { loaders }: ApiContext, @Arg('id', () => ID, { description: 'Project id (Project.id).' }) id: string) {
    return loaders.projectById.get(keyOf('Project', id));
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department that runs the project.' })
  department(@Root() p: Project, @Ctx() { loaders }: ApiContext) {
    return p.department ?? loaders.departmentById.get(p.departmentId);
  }

  @FieldResolver(() => [ProjectAllocation], { description: 'The project in each document, oldest year first.', complexity: 5 })
  allocations(@Root() p: Project, @Ctx() { loaders }: ApiContext) {
    return loaders.allocationsByProject.get(p.id);
  }

  @FieldResolver(() => [ProbableMatch], { complexity: 3, description: 'Projects of the same department that are probably this one (SAME_AS), with rule and score.' })
  sameAs(@Root() p: Project, @Ctx() { loaders }: ApiContext) {
    return loaders.sameAsByProject.get(p.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: '1 = 一级项目, 2 = 二级项目, as the latest document that says so.' })
  async level(@Root() p: Project, @Ctx() { loaders }: ApiContext) {
    const all = await loaders.allocationsByProject.load(p.id);
    return [...all].reverse().find((a) => a.level !== null)?.level ?? null;
  }

  @FieldResolver(() => ParentProject, { nullable: true, description: 'Its 一级项目 / task, as the latest document that names one prints it.' })
  async parent(@Root() p: Project, @Ctx() { loaders }: ApiContext) {
    const all = await loaders.allocationsByProject.load(p.id);
    const name = [...all].reverse().find((a) => a.parentName)?.parentName;
    return name ? { name } : null;
  }
}

@Resolver(() => ProjectAllocation)
export class AllocationResolver {
  @FieldResolver(() => Project, { description: 'The project, across years.' })
  project(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return loaders.projectById.get(a.projectId);
  }

  @FieldResolver(() => BudgetUnit, { nullable: true, description: 'The budget unit that holds the money this year: the 预算单位 the table prints over the project, else the unit a 单位预算 / 单位决算 is of; null for a project printed for the department as a whole (no unit’s).' })
  unit(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return a.unitId === null ? null : loaders.unitById.get(a.unitId);
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document that lists the project.' })
  document(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(a.documentId);
  }

  @FieldResolver(() => ParentProject, { nullable: true, description: 'The 一级项目 / task this document files it under.' })
  parent(@Root() a: ProjectAllocation): ParentProject | null {
    return a.parentName ? { name: a.parentName } : null;
  }

  @FieldResolver(() => [CodeLink], { complexity: 3, description: 'Every 功能分类 code link, strongest method first.' })
  codeLinks(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return a.bundledLinks ?? loaders.codeLinksByAllocation.get(a.id);
  }

  @FieldResolver(() => CodeLink, { nullable: true, description: 'The strongest code link (DIRECT, then RECONCILED, then NAMED); null when none holds.' })
  codeLink(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    if (a.bundledLinks) return a.bundledLinks[0] ?? null;
    return andThen(loaders.codeLinksByAllocation.get(a.id), (links) => links[0] ?? null);
  }

  @FieldResolver(() => ClassificationCode, { nullable: true, description: 'The code of `codeLink`.' })
  async functionCode(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    const link = (a.bundledLinks ?? (await loaders.codeLinksByAllocation.load(a.id)))[0];
    return link ? loaders.codeByKey.load(link.codeKey) : null;
  }

  @FieldResolver(() => [Indicator], { description: 'Performance indicators (绩效指标) set or reported for this year.' })
  indicators(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return loaders.indicatorsByAllocation.get(a.id);
  }

  @FieldResolver(() => [SelfEvaluation], { complexity: 2, description: 'Self-evaluations (绩效自评) of this year’s money.' })
  selfEvaluations(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return loaders.evaluationsByAllocation.get(a.id);
  }

  @FieldResolver(() => [InvestmentProject], { complexity: 2, description: 'Investment projects (政府投资项目) reporting on this project.' })
  investmentProjects(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return loaders.investmentsByAllocation.get(a.id);
  }

  @FieldResolver(() => [ProjectListing], { complexity: 3, description: 'Every place this document lists the project, each with its own amount.' })
  listings(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return loaders.listingsByAllocation.get(a.id);
  }

  @FieldResolver(() => [FundingSource], { complexity: 3, description: 'Where the money came from (资金来源), where the document prints it.' })
  funding(@Root() a: ProjectAllocation): FundingSource[] {
    return fundingSources(a.funding, a.documentId);
  }

  @FieldResolver(() => [Anomaly], { complexity: 3, description: 'Anomalies that cite this project’s lines.' })
  anomalies(@Root() a: ProjectAllocation, @Ctx() { loaders }: ApiContext) {
    return loaders.anomaliesByFact.get(a.id);
  }
}
