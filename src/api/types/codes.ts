import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CODE_SCHEMES, LINK_METHODS, type CodeScheme as ModelCodeScheme, type LinkMethod as ModelLinkMethod } from '../../model/codes.js';
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

@ObjectType({ simpleResolvers: true, description: 'The name a code carried in one year (names change between editions of the classification).' })
export class YearName {
  @Field(() => Int, { description: 'Fiscal year.' })
  year!: number;

  @Field(() => String, { description: 'Name printed that year.' })
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'ClassificationCode // 分类科目: a node of the 功能分类 / 经济分类 / 采购 hierarchy.' })
export class ClassificationCode {
  @Field(() => ID, { description: 'Global node id, e.g. "FunctionCode:2010504".' })
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

  codeKey!: string;
}

@ObjectType({ description: 'One project feeding a code in one year (answer of projectsFeedingCode).' })
export class CodeFeed {
  @Field(() => Int, { description: 'Fiscal year.' })
  year!: number;

  @Field(() => String, { description: 'The code linked (a sub-code when includeDescendants is set).' })
  code!: string;

  @Field(() => DecimalScalar, { name: 'amount', nullable: true, description: 'The project’s amount in that document, 万元.' })
  amountFen!: bigint | null;

  @Field(() => LinkMethod, { description: 'How the link was established (DIRECT is printed; the others are inferences).' })
  method!: LinkMethod;

  @Field(() => String, { nullable: true, description: 'The inference spelled out (which amounts add up, which name matched).' })
  note!: string | null;

  @Field(() => [Source], { description: 'The lines that prove the link.' })
  evidence!: Source[];

  // Plain fields, not resolvers: the feed's one Cypher statement returns them whole.
  @Field(() => Department, { description: 'The project’s department.' })
  department!: Department;

  @Field(() => BudgetUnit, { description: 'The unit that holds the money.' })
  unit!: BudgetUnit;

  @Field(() => Project, { description: 'The project.' })
  project!: Project;

  documentId!: string;
  departmentId!: string;
  unitId!: string;
  projectId!: string;
  allocationId!: string;
}
