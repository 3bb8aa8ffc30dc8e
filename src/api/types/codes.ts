import { Node } from './node.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CODE_SCHEMES, LINK_METHODS, LINK_STATUSES, type CodeScheme as ModelCodeScheme, type LinkMethod as ModelLinkMethod, type LinkStatus as ModelLinkStatus } from '../../model/codes.js';
import { declaredEnum, meanings } from './enums.js';
import { BudgetUnit, Department } from './documents.js';
import { Project } from './projects.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

export const CodeScheme = declaredEnum(meanings(CODE_SCHEMES), 'CodeScheme', 'Which classification a code belongs to.');
export type CodeScheme = ModelCodeScheme;

export const LinkMethod = declaredEnum(
  meanings(LINK_METHODS),
  'LinkMethod',
  'How a project was linked to a classification code. Only DIRECT is stated by the document; the others are inferences with their evidence.',
);
export type LinkMethod = ModelLinkMethod;

export const LinkStatus = declaredEnum(
  meanings(LINK_STATUSES),
  'LinkStatus',
  'A link’s part in the answers under the strength rule (DIRECT > RECONCILED > NAMED; SPLIT parts count beside the strongest): only COUNTED links are rows of projectsFeedingCode, codeFeeds and the money trail.',
);
export type LinkStatus = ModelLinkStatus;

@ObjectType({ simpleResolvers: true, description: 'The name a code carried in one year (names change between editions of the classification).' })
export class YearName {
  @Field(() => Int, { description: 'Fiscal year.' })
  year!: number;

  @Field(() => String, { description: 'Name printed that year.' })
  name!: string;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'ClassificationCode // 分类科目: a node of the 功能分类 / 经济分类 / 采购 hierarchy.' })
export class ClassificationCode {
  @Field(() => ID, { description: 'The code with its scheme, e.g. "FunctionCode:2010504" (its global id is "ClassificationCode:" and this).' })
  key!: string;

  @Field(() => CodeScheme, { description: 'Which classification: 功能分类, 经济分类 or 政府采购品目.' })
  scheme!: CodeScheme;

  @Field(() => String, { description: 'The code, e.g. "2010504".' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Latest name printed for the code.' })
  name!: string | null;

  @Field(() => Int, { nullable: true, description: '类 = 1, 款 = 2, 项 = 3.' })
  level!: number | null;

  @Field(() => [YearName], { description: 'Name per year as printed.' })
  names!: YearName[];

  parentKey!: string | null;
  childKeys!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'A project → code link with how it was established and the lines that prove it.' })
export class CodeLink {
  @Field(() => LinkMethod, { description: 'How the link was established (DIRECT is printed; the others are inferences).' })
  method!: LinkMethod;

  @Field(() => String, { nullable: true, description: 'Why the link holds, in words (e.g. which projects sum to which line).' })
  note!: string | null;

  @Field(() => String, { description: 'The 功能分类 code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The code’s name as printed in that document.' })
  name!: string | null;

  @Field(() => [Source], { description: 'The source lines that establish the link.' })
  evidence!: Source[];

  @Field(() => LinkStatus, { description: 'COUNTED (the money is counted at this code), SUPPORTING (another method reaching the same code) or REJECTED (outranked by a stronger link to another code).' })
  status!: LinkStatus;

  @Field(() => String, { nullable: true, description: 'For a REJECTED link: the stronger link that outranks it.' })
  rejectedBecause!: string | null;

  codeKey!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One method that supports a code feed row, with its evidence.' })
export class LinkSupport {
  @Field(() => LinkMethod, { description: 'The method.' })
  method!: LinkMethod;

  @Field(() => String, { nullable: true, description: 'The inference spelled out.' })
  note!: string | null;

  @Field(() => [Source], { description: 'The lines that prove it.' })
  evidence!: Source[];
}

@ObjectType({ simpleResolvers: true, description: 'A link the strength rule did not count: the same allocation pointed at another code by a weaker method.' })
export class RejectedLink {
  @Field(() => String, { description: 'The code the weaker link pointed at.' })
  code!: string;

  @Field(() => LinkMethod, { description: 'Its method.' })
  method!: LinkMethod;

  @Field(() => String, { nullable: true, description: 'The inference spelled out.' })
  note!: string | null;

  @Field(() => String, { description: 'Why it is not counted: the stronger link that outranks it.' })
  reason!: string;

  @Field(() => [Source], { description: 'The lines behind it.' })
  evidence!: Source[];
}

@ObjectType({ implements: Node,
  description:
    'One allocation (or investment project) feeding a code in one year (answer of projectsFeedingCode and codeFeeds): its counted link, one row per allocation and code. The rows of a code line add up to the money the money trail explains for it.',
})
export class CodeFeed {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => Int, { description: 'Fiscal year.' })
  year!: number;

  @Field(() => String, { description: 'The code linked (a sub-code when includeDescendants is set).' })
  code!: string;

  @Field(() => DecimalScalar, {
    name: 'amount',
    nullable: true,
    description: 'The money this link counts at the code, 万元: the part booked there for a project split over two lines, what was spent for final accounts (决算), the budget otherwise; an investment project’s 本年完成投资.',
  })
  amountFen!: bigint | null;

  @Field(() => LinkMethod, { description: 'The counted link’s method, the strongest that reaches the code (DIRECT is printed; the others are inferences).' })
  method!: LinkMethod;

  @Field(() => [LinkMethod], { description: 'Every method that reaches this code for this allocation, the counted one first.' })
  methods!: LinkMethod[];

  @Field(() => String, { nullable: true, description: 'The counted link’s inference spelled out (which amounts add up, which name matched).' })
  note!: string | null;

  @Field(() => [Source], { description: 'The lines that prove the counted link.' })
  evidence!: Source[];

  @Field(() => [LinkSupport], { description: 'Each method that reaches the code, with its own note and evidence (the counted one first).' })
  support!: LinkSupport[];

  @Field(() => [RejectedLink], { description: 'The allocation’s links to other codes that a stronger link outranked, with the reason; never rows of their own.' })
  alternatives!: RejectedLink[];

  // Plain fields, not resolvers: the feed's one Cypher statement returns them whole.
  @Field(() => Department, { description: 'The project’s department.' })
  department!: Department;

  @Field(() => BudgetUnit, { nullable: true, description: 'The unit that holds the money.' })
  unit!: BudgetUnit | null;

  @Field(() => Project, { nullable: true, description: 'The project; null for an investment project’s row (see investment).' })
  project!: Project | null;

  documentId!: string;
  departmentId!: string;
  unitId!: string | null;
  projectId!: string | null;
  allocationId!: string | null;
}
