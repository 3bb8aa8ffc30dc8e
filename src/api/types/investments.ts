import { Node } from './node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { LinkMethod } from './codes.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

@ObjectType({ description: 'Where one field of a form was printed.' })
export class FieldSource {
  @Field(() => String, { description: 'The field’s name in this type (plannedInYear, completedGeneralBudget …).' })
  field!: string;

  @Field(() => Source, { description: 'Where the field is printed.' })
  source!: Source;
}

@ObjectType({ simpleResolvers: true, description: 'The code an investment project’s money was booked under, and how that is known.' })
export class FundedUnder {
  @Field(() => String, { description: 'The 功能分类 code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The code’s name as printed.' })
  name!: string | null;

  @Field(() => LinkMethod, { description: 'How the link was established (see LinkMethod).' })
  method!: LinkMethod;

  @Field(() => String, { description: 'INVESTMENT_AMOUNT (its completed investment equals the 项 line) or PROJECT (through the budget project it reports on).' })
  via!: string;

  @Field(() => [Source], { description: 'The lines that prove the link.' })
  evidence!: Source[];
}

@ObjectType({ implements: Node, description: 'InvestmentProject // 政府投资项目, identified by its 国家编码 (national project code: registration year-division-industry-type-serial, 4-6-2-2-6 digits).' })
export class InvestmentProject {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => String, { description: '国家编码 as printed (possibly cut short: see codeTruncated).' })
  code!: string;

  @Field(() => Boolean, { name: 'codeTruncated', description: 'True when the printed code is incomplete; its missing parts are null.' })
  truncated!: boolean;

  @Field(() => Int, { nullable: true, description: 'Registration year decoded from the code.' })
  registrationYear!: number | null;

  @Field(() => String, { nullable: true, description: 'Administrative division (行政区划) decoded from the code, e.g. 440307.' })
  divisionCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Industry (行业) part of the code.' })
  industryCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Project type part of the code.' })
  typeCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Serial number part of the code.' })
  serial!: string | null;

  @Field(() => String, { description: 'Name as printed on its form.' })
  name!: string;

  @Field(() => Int, { description: 'Year of the document reporting it.' })
  year!: number;

  @Field(() => DecimalScalar, { name: 'totalInvestment', nullable: true, description: '总投资, 万元.' })
  totalInvestmentFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'plannedInYear', nullable: true, description: '年度计划投资, 万元.' })
  plannedInYearFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'completedInYear', nullable: true, description: '本年完成投资, 万元.' })
  completedInYearFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'cumulativeCompleted', nullable: true, description: '累计完成投资, 万元.' })
  cumulativeCompletedFen!: bigint | null;

  @Field(() => String, { nullable: true, description: 'Completion rate (完成率) as printed.' })
  completionRate!: string | null;

  @Field(() => String, { nullable: true, description: 'Progress (项目进度) text.' })
  progress!: string | null;

  @Field(() => String, { nullable: true, description: 'Start date as printed (null when the form prints a blank placeholder).' })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Completion date as printed (null when the form prints a blank placeholder).' })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: '建设性质 (新建, 续建, …) as ticked.' })
  nature!: string | null;

  @Field(() => DecimalScalar, { name: 'totalFiscal', nullable: true, description: '项目总投资 of which 财政拨款, 万元.' })
  totalFiscalFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'totalOther', nullable: true, description: '项目总投资 of which 其它资金, 万元.' })
  totalOtherFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'targetAtYearStart', nullable: true, description: '年初设定的目标: the year’s investment planned at its start, 万元.' })
  targetAtYearStartFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'completedGeneralBudget', nullable: true, description: '本年完成投资 from 一般公共预算, 万元.' })
  completedGeneralBudgetFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'completedGovernmentFund', nullable: true, description: '本年完成投资 from 政府性基金, 万元 (null when the form leaves it blank).' })
  completedGovernmentFundFen!: bigint | null;

  @Field(() => String, { nullable: true, description: '政府投资计划支出率 as printed.' })
  planExecutionRate!: string | null;

  @Field(() => String, { nullable: true, description: '工程形象进度百分比 as printed.' })
  imageProgress!: string | null;

  @Field(() => String, { nullable: true, description: '行业归口 (the sector responsible).' })
  industry!: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否开工 as ticked (null when neither box is).' })
  started!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否竣工 as ticked (null when neither box is).' })
  completed!: boolean | null;

  @Field(() => [FieldSource], { description: 'The line each field was read from (a form spreads one project over many lines).' })
  fieldSources!: FieldSource[];

  @Field(() => Source, { description: 'Where its form is printed.' })
  source!: Source;

  documentId!: string;
  allocationIds!: string[];
}
