import { Node } from './node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { LinkMethod } from './codes.js';
import { declareKindFields } from './kind-fields.js';
import { INVESTMENT_PROJECT } from '../../model/kinds/investment-project.js';
import type { StoredOf } from '../../model/fact-kind.js';
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

  @Field(() => Int, { description: 'Year of the document reporting it.' })
  year!: number;

  @Field(() => [FieldSource], { description: 'The line each field was read from (a form spreads one project over many lines).' })
  fieldSources!: FieldSource[];

  @Field(() => Source, { description: 'Where its form is printed.' })
  source!: Source;

  documentId!: string;
  allocationIds!: string[];
}

// Its declared properties (src/model/kinds/investment-project.ts): typed by this interface (merged
// into the class), served by the fields declareKindFields adds; neither lists them again.
export interface InvestmentProject extends StoredOf<typeof INVESTMENT_PROJECT> {}
declareKindFields(InvestmentProject, INVESTMENT_PROJECT);
