import { Field, Int, ObjectType } from 'type-graphql';
import { LINEAGE_STEPS, type LineageStepKind as ModelLineageStepKind } from '../../model/lineage.js';
import { declaredEnum } from './enums.js';
import { Department } from './documents.js';
import { Project, ProjectAllocation } from './projects.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

export const LineageStepKind = declaredEnum(
  LINEAGE_STEPS,
  'LineageStepKind',
  `A link of the funding chain: ${Object.keys(LINEAGE_STEPS).join(' → ')}.`,
);
export type LineageStepKind = ModelLineageStepKind;

@ObjectType({ description: 'One step of a project’s funding lineage, with where the documents say so.' })
export class LineageStep {
  @Field(() => Int, { description: 'Fiscal year of the allocation the step belongs to.' })
  year!: number;

  @Field(() => LineageStepKind, { description: 'What the step is.' })
  kind!: LineageStepKind;

  @Field(() => String, { description: 'What the step names (fund, unit, code, indicator …).' })
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
  @Field(() => Project, { description: 'The project.' })
  project!: Project;

  @Field(() => Department, { nullable: true, description: 'Its department.' })
  department!: Department | null;

  @Field(() => String, { description: 'Why the allocations below are one project: the identity rule.' })
  identityRule!: string;

  @Field(() => [ProjectAllocation], { description: 'The project in each document, oldest year first.' })
  allocations!: ProjectAllocation[];

  /** Exposed by LineageResolver.steps (filterable by kind). */
  steps!: LineageStep[];
}
