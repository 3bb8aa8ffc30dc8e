import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BudgetUnit, Department } from './documents.js';
import { Project } from './projects.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

export enum CodeScheme {
  FUNCTION = 'FUNCTION',
  ECONOMIC = 'ECONOMIC',
  PROCUREMENT = 'PROCUREMENT',
}
registerEnumType(CodeScheme, {
  name: 'CodeScheme',
  description: 'FUNCTION = 支出功能分类科目 (201 / 20105 / 2010504); ECONOMIC = 支出经济分类科目 (301 / 30101); PROCUREMENT = 政府采购品目.',
});

export enum LinkMethod {
  DIRECT = 'DIRECT',
  RECONCILED = 'RECONCILED',
  NAMED = 'NAMED',
  SPLIT = 'SPLIT',
}
registerEnumType(LinkMethod, {
  name: 'LinkMethod',
  description:
    'How a project was linked to a classification code. DIRECT: a table prints the code beside the project. RECONCILED: amounts prove it to 0.01 yuan (the project, or a unique set of projects, equals the code line’s 项目支出). NAMED: the project or its task carries the code’s 项 name. SPLIT: the project’s amount equals its own line’s 项目支出 plus exactly this line’s, which nothing else explains (the part booked here is the link’s amount). Only DIRECT is stated by the document; the others are inferences with their evidence.',
});

@ObjectType({ simpleResolvers: true, description: 'The name a code carried in one year (names change between editions of the classification).' })
export class YearName {
  @Field(() => Int)
  year!: number;

  @Field(() => String)
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'ClassificationCode // 分类科目: a node of the 功能分类 / 经济分类 / 采购 hierarchy.' })
export class ClassificationCode {
  @Field(() => ID, { description: 'Global node id, e.g. "FunctionCode:2010504".' })
  key!: string;

  @Field(() => CodeScheme)
  scheme!: CodeScheme;

  @Field(() => String)
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
  @Field(() => LinkMethod)
  method!: LinkMethod;

  @Field(() => String, { nullable: true, description: 'Why the link holds, in words (e.g. which projects sum to which line).' })
  note!: string | null;

  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => [Source], { description: 'The source lines that establish the link.' })
  evidence!: Source[];

  codeKey!: string;
}

@ObjectType({ description: 'One project feeding a code in one year (answer of projectsFeedingCode).' })
export class CodeFeed {
  @Field(() => Int)
  year!: number;

  @Field(() => String, { description: 'The code linked (a sub-code when includeDescendants is set).' })
  code!: string;

  @Field(() => DecimalScalar, { name: 'amount', nullable: true, description: 'The project’s amount in that document, 万元.' })
  amountFen!: bigint | null;

  @Field(() => LinkMethod)
  method!: LinkMethod;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [Source])
  evidence!: Source[];

  // Plain fields, not resolvers: the feed's one Cypher statement returns them whole.
  @Field(() => Department)
  department!: Department;

  @Field(() => BudgetUnit)
  unit!: BudgetUnit;

  @Field(() => Project)
  project!: Project;

  documentId!: string;
  departmentId!: string;
  unitId!: string;
  projectId!: string;
  allocationId!: string;
}
