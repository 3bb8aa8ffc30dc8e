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
    'A link of the funding chain: FUNDING → DEPARTMENT → UNIT → PARENT_PROJECT → PROJECT → FUNCTION_CODE → INVESTMENT_PROJECT → INDICATOR → SELF_EVALUATION.',
  valuesConfig: {
    FUNDING: { description: '资金来源: where the money came from (财政拨款, 其他资金 …).' },
    DEPARTMENT: { description: '部门: the department that runs the project.' },
    UNIT: { description: '预算单位: the unit that holds the money.' },
    PARENT_PROJECT: { description: '一级项目/任务: the project or task it is itemised under.' },
    PROJECT: { description: '项目: the project itself.' },
    FUNCTION_CODE: { description: '功能分类科目: a code the money is booked under, with its link method.' },
    INVESTMENT_PROJECT: { description: '国家编码: an investment project that reports on it.' },
    INDICATOR: { description: '绩效指标: a performance indicator, target against actual.' },
    SELF_EVALUATION: { description: '绩效自评: the self-evaluation of the year’s money.' },
  },
});

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
