import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from './documents.js';
import { Project, ProjectAllocation } from './projects.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

export enum LineageStepKind {
  FUNDING = 'FUNDING',
  DEPARTMENT = 'DEPARTMENT',
  UNIT = 'UNIT',
  PARENT_PROJECT = 'PARENT_PROJECT',
  PROJECT = 'PROJECT',
  FUNCTION_CODE = 'FUNCTION_CODE',
  INVESTMENT_PROJECT = 'INVESTMENT_PROJECT',
  INDICATOR = 'INDICATOR',
  SELF_EVALUATION = 'SELF_EVALUATION',
}
registerEnumType(LineageStepKind, {
  name: 'LineageStepKind',
  description:
    'A link of the funding chain: FUNDING (资金来源) → DEPARTMENT → UNIT (预算单位) → PARENT_PROJECT (一级项目/任务) → PROJECT → FUNCTION_CODE (功能分类, with its link method) → INVESTMENT_PROJECT (国家编码) → INDICATOR (target vs actual) → SELF_EVALUATION.',
});

@ObjectType({ description: 'One step of a project’s funding lineage, with where the documents say so.' })
export class LineageStep {
  @Field(() => Int)
  year!: number;

  @Field(() => LineageStepKind)
  kind!: LineageStepKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Classification code or 国家编码 where the step has one.' })
  code!: string | null;

  @Field(() => DecimalScalar, { name: 'amount', nullable: true, description: 'Budget / planned amount at this step, 万元.' })
  amountFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'executed', nullable: true, description: 'Spent / completed amount, 万元.' })
  executedFen!: bigint | null;

  @Field(() => String, { nullable: true, description: 'Rate as printed (执行率, 完成率), or an indicator’s target → actual.' })
  detail!: string | null;

  @Field(() => String, { nullable: true, description: 'How the step is known: PRINTED (the document states it) or a link method (DIRECT, RECONCILED, NAMED), or the identity rule.' })
  method!: string | null;

  @Field(() => Source, { nullable: true, description: 'The line that states it (for the department: the document’s title line).' })
  source!: Source | null;
}

@ObjectType({ simpleResolvers: true, description: 'A project’s whole funding chain in every year the documents cover it.' })
export class Lineage {
  @Field(() => Project)
  project!: Project;

  @Field(() => Department, { nullable: true })
  department!: Department | null;

  @Field(() => String, { description: 'Why the allocations below are one project: the identity rule.' })
  identityRule!: string;

  @Field(() => [ProjectAllocation], { description: 'The project in each document, oldest year first.' })
  allocations!: ProjectAllocation[];

  /** Exposed by LineageResolver.steps (filterable by kind). */
  steps!: LineageStep[];
}
