import { Node } from './node.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';
import { declaredEnum } from './enums.js';
import type { CodeLink } from './codes.js';
import type { Department } from './documents.js';
import { PROJECT_SOURCE_KINDS, type ProjectSourceKind } from '../../model/projects.js';
import { declareKindFields } from './kind-fields.js';
import { INDICATOR, PROJECT, PROJECT_ALLOCATION, PROJECT_LISTING, SELF_EVALUATION } from '../../model/kinds/index.js';
import type { StoredOf } from '../../model/fact-kind.js';

export const ListingKind = declaredEnum(PROJECT_SOURCE_KINDS, 'ListingKind', 'Where a document lists a project.');

@ObjectType({ implements: Node, simpleResolvers: true, description: 'Project // 项目: one project across documents and years (same department, same normalised name).' })
export class Project {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  // A plain property (not amountFen renamed): the type uses simple resolvers, which read by field name.
  @Field(() => DecimalScalar, { nullable: true, description: 'In projects(): Σ of its allocations in the years the filter asks (all years when none), 万元; null elsewhere (see allocations).' })
  amount?: bigint | null;

  departmentId!: string;
  /** Its department as the projects() page read it, perhaps only id and name: answers this row's `department`. */
  department?: Department;
}

// Its declared properties (src/model/kinds/project.ts): typed by this interface (merged into the
// class), served by the fields declareKindFields adds.
export interface Project extends StoredOf<typeof PROJECT> {}
declareKindFields(Project, PROJECT);

@ObjectType({ simpleResolvers: true, description: 'A project that is probably the same as this one, with the rule and score that say so. Not merged: an investigator decides.' })
export class ProbableMatch {
  @Field(() => Project, { description: 'The other project.' })
  project!: Project;

  @Field(() => String, { description: 'NAME_CONTAINS: one normalised name contains the other (same unit, or one printed for the department as a whole). SAME_NAME_NO_UNIT: the same name printed for the department as a whole and for a unit — one project only by name.' })
  rule!: string;

  @Field(() => Float, { description: 'Shorter name length / longer name length (0.4–1).' })
  score!: number;

  @Field(() => String, { description: 'Why they may be one project.' })
  note!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The parent (一级项目 / 任务) of a second-level project as printed.' })
export class ParentProject {
  @Field(() => String, { description: 'Name of the level-1 project this one is itemised under.' })
  name!: string;
}

@ObjectType({ description: 'FundingSource // 资金来源: where a project’s money came from, as its form prints it.' })
export class FundingSource {
  @Field(() => String, { description: 'The fund as printed: 财政拨款, 区级财政资金, 上级转移支付资金, 上年结转资金, 其他资金…' })
  fund!: string;

  @Field(() => DecimalScalar, { name: 'budget', nullable: true, description: '全年预算数, 万元.' })
  budgetFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'executed', nullable: true, description: '全年执行数, 万元 (self-evaluations only).' })
  executedFen!: bigint | null;

  @Field(() => String, { nullable: true, description: '执行率 as printed on this fund’s row (self-evaluations; whatever that column holds).' })
  rate!: string | null;

  @Field(() => Source, { description: 'The form line the amounts were read from.' })
  source!: Source;
}

@ObjectType({ implements: Node, description: 'ProjectAllocation // 项目预算: a project as one document budgets, spends and evaluates it.' })
export class ProjectAllocation {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  // The document's year (context, not a declared property).
  @Field(() => Int, { description: 'Fiscal year.' })
  year!: number;

  @Field(() => [ListingKind], { description: 'Where this document lists it.' })
  sourceKinds!: ProjectSourceKind[];

  @Field(() => Source, { description: 'The listing the amounts were taken from.' })
  source!: Source;

  documentId!: string;
  projectId!: string;
  unitId!: string | null;
  parentName!: string | null;
  funding!: string | null;
  /** Its code links as a document bundle fetched them, cut to the query's selection. */
  bundledLinks?: CodeLink[];
}

// Its declared properties (src/model/kinds/project-allocation.ts): typed by this interface (merged
// into the class), served by the fields declareKindFields adds.
export interface ProjectAllocation extends StoredOf<typeof PROJECT_ALLOCATION> {}
declareKindFields(ProjectAllocation, PROJECT_ALLOCATION);

@ObjectType({ implements: Node, description: 'Each place a document lists a project, with that place’s own amount (they can disagree: see anomalies).' })
export class ProjectListing {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => Source, { description: 'Where it is printed.' })
  source!: Source;
}

// Its declared properties (src/model/kinds/project-listing.ts): typed by this interface (merged
// into the class), served by the fields declareKindFields adds.
export interface ProjectListing extends StoredOf<typeof PROJECT_LISTING> {}
declareKindFields(ProjectListing, PROJECT_LISTING, { ListingKind });

@ObjectType({ implements: Node, simpleResolvers: true, description: 'Indicator // 绩效指标: 一级/二级/三级 indicator with target (指标值) and, in self-evaluations, the actual (完成值).' })
export class Indicator {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => Source, { description: 'Where it is printed.' })
  source!: Source;

  documentId!: string;
  allocationId!: string | null;
}

// Its declared properties (src/model/kinds/indicator.ts): typed by this interface (merged into the
// class), served by the fields declareKindFields adds.
export interface Indicator extends StoredOf<typeof INDICATOR> {}
declareKindFields(Indicator, INDICATOR);

@ObjectType({ implements: Node, description: 'SelfEvaluation // 绩效自评: budget, executed and rate as a self-evaluation form or summary prints them.' })
export class SelfEvaluation {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => Source, { description: 'Where the form is printed.' })
  source!: Source;

  documentId!: string;
  allocationId!: string | null;
}

// Its declared properties (src/model/kinds/self-evaluation.ts): typed by this interface (merged into
// the class), served by the fields declareKindFields adds.
export interface SelfEvaluation extends StoredOf<typeof SELF_EVALUATION> {}
declareKindFields(SelfEvaluation, SELF_EVALUATION);

