import { Field, ObjectType } from 'type-graphql';
import { LinkMethod } from './codes.js';
import { Basis } from './documents.js';
import { InvestmentProject } from './investments.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

@ObjectType({ description: 'Contribution // 资金来源说明: one project or investment project explaining part of a line’s project money, by one link.' })
export class Contribution {
  @Field(() => DecimalScalar, { name: 'amount', description: 'The money it explains, 万元: the allocation’s amount (budgets) or executed amount (final accounts), or the investment project’s 本年完成投资.' })
  amountFen!: bigint;

  @Field(() => LinkMethod, { description: 'How it was linked to the code (DIRECT printed; RECONCILED proved by exact sums; NAMED by the 项 name).' })
  method!: LinkMethod;

  @Field(() => String, { nullable: true, description: 'Why the link holds, in words.' })
  note!: string | null;

  /** Resolved to `project`. */
  allocationId!: string | null;

  /** Returned as `investmentProject`. */
  investment!: InvestmentProject | null;

  @Field(() => [Source], { description: 'The printed lines the link rests on.' })
  evidence!: Source[];
}

/** The three figures of a trail, per line and in total: projectMoney = explained + unexplained. */
@ObjectType({ description: 'The three figures of a money trail (abstract: see MoneyTrail and MoneyTrailLine).' })
abstract class TrailFigures {
  @Field(() => DecimalScalar, { name: 'projectMoney', description: '项目支出, 万元 (budgeted, or spent for final accounts).' })
  projectMoneyFen!: bigint;

  @Field(() => DecimalScalar, { name: 'explained', description: 'What the contributions explain, 万元.' })
  explainedFen!: bigint;

  @Field(() => DecimalScalar, { name: 'unexplained', description: 'What stays unexplained: projectMoney − explained, exactly, 万元. Negative: more money is linked than printed.' })
  unexplainedFen!: bigint;
}

@ObjectType({ description: 'MoneyTrailLine // 科目资金去向: one 功能分类 项 line’s project money and what explains it.' })
export class MoneyTrailLine extends TrailFigures {
  @Field(() => String, { description: '功能分类 项 code, e.g. "2013799".' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The 项 name as this line prints it.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'The budget unit (预算单位) the line is printed for, as its table (or its unit’s own document) names it; null when the table prints the department as a whole (no unit is named for it).' })
  unit!: string | null;

  @Field(() => Source, { description: 'The line as printed.' })
  source!: Source;

  @Field(() => [Contribution], { description: 'What explains the money: DIRECT first, then RECONCILED, then NAMED; larger amounts first.' })
  contributions!: Contribution[];
}

@ObjectType({ description: 'MoneyTrail // 资金去向: where a department-year’s project money went, line by line; its figures are the sums of its lines’. Reads ONE table (the one printing the most 项 lines with a 项目支出 figure) at the 项 level, so no money is counted twice.' })
export class MoneyTrail extends TrailFigures {
  /** Resolved to `department`. */
  departmentId!: string;

  /** Resolved to `document`. */
  documentId!: string;

  @Field(() => Basis, { description: 'BUDGET (部门预算: 项目支出 budgeted) or ACTUAL (部门决算: 项目支出 spent).' })
  basis!: Basis;

  @Field(() => String, { nullable: true, description: 'Title of the table whose lines the trail reads.' })
  table!: string | null;

  @Field(() => [MoneyTrailLine], { description: 'Every 功能分类 项 line with project money, in print order.' })
  lines!: MoneyTrailLine[];
}

