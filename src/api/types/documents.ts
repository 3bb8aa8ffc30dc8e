import { Node } from './node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { BASES, DOCUMENT_KINDS, PUBLISHER_EVIDENCE, type Basis as ModelBasis, type DocumentKind as ModelDocumentKind, type PublisherEvidence as ModelPublisherEvidence } from '../../model/documents.js';
import { declaredEnum } from './enums.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';
import { CodeScheme } from './codes.js';
import type { ProjectAllocation } from './projects.js';
import type { CodeScheme as ModelCodeScheme } from '../../model/codes.js';
import { declareKindFields } from './kind-fields.js';
import { BUDGET_LINE, THREE_COSTS } from '../../model/kinds/index.js';
import type { ThreeCostsFen } from '../../query/records.js';
import type { StoredOf } from '../../model/fact-kind.js';

export const DocumentKind = declaredEnum(DOCUMENT_KINDS, 'DocumentKind', 'What a document contains.');
export const PublisherEvidence = declaredEnum(PUBLISHER_EVIDENCE, 'PublisherEvidence', 'Where a document’s department name was read, most trusted first.');
export type DocumentKind = ModelDocumentKind;

export const Basis = declaredEnum(BASES, 'Basis', 'Planned (预算) or spent (决算) figures.');
export type Basis = ModelBasis;

@ObjectType({ implements: Node, simpleResolvers: true, description: 'Department // 部门: one body across every title variant its documents print.' })
export class Department {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => String, { description: 'Name as first printed.' })
  name!: string;

  @Field(() => [String], { description: 'Every title the documents print for it.' })
  aliases!: string[];

  @Field(() => [String], { description: 'For each alias, the identity rule that matched it ("<alias> → <id> (<rule>)").' })
  aliasRules!: string[];
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'BudgetUnit // 预算单位: the department itself (本级) or a subordinate unit.' })
export class BudgetUnit {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => String, { description: 'Unit name as printed.' })
  name!: string;

  @Field(() => Boolean, { description: 'True for the department’s own unit (本级).' })
  isSelf!: boolean;

  departmentId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One line of a document’s text as printed.' })
export class TextLine {
  @Field(() => Int, { description: 'Line number (1-based), as every source.line counts.' })
  line!: number;

  @Field(() => String, { description: 'The line as printed (cells separated by tabs).' })
  text!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A stretch of a document’s text, for reading a fact in its place.' })
export class DocumentText {
  @Field(() => Int, { description: 'Lines the document has in all.' })
  lineCount!: number;

  @Field(() => [TextLine], { description: 'The lines asked for, clipped to the document.' })
  lines!: TextLine[];
}

@ObjectType({ implements: Node, description: 'A published document (部门预算 / 决算 / 绩效) as loaded.' })
export class Document {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => String, { description: 'File name the document was loaded from (data/ or the ingest mutation).' })
  file!: string;

  @Field(() => String, { description: 'Title as printed.' })
  title!: string;

  @Field(() => Int, { description: 'Fiscal year (年度) the document reports on.' })
  year!: number;

  @Field(() => [DocumentKind], { description: 'What the document contains; a 决算 often also carries self-evaluations.' })
  kinds!: DocumentKind[];

  @Field(() => String, { description: 'Money unit the document mostly prints (万元, 元, 千元 or 亿元; each table is read in the unit it declares); amounts here are always 万元.' })
  moneyUnit!: string;

  @Field(() => String, { description: 'Department (预算主管部门) name as this document prints it.' })
  departmentPrinted!: string;

  @Field(() => String, { nullable: true, description: 'The 预算单位 the document names: for a 单位预算, the unit whose budget it is; null when none is printed.' })
  unitPrinted!: string | null;

  @Field(() => PublisherEvidence, { nullable: true, description: 'Where `departmentPrinted` was read: a line naming it, the title, the unit, or the cover.' })
  publisherFrom!: ModelPublisherEvidence | null;

  @Field(() => Source, { nullable: true, description: 'The line `departmentPrinted` was read from.' })
  publisherSource!: Source | null;

  @Field(() => DecimalScalar, { name: 'total', nullable: true, description: 'The document’s headline total, 万元: 支出合计 of its primary 功能分类 table, or a form’s 金额合计 when it prints no such table; see totalSource and totalBasis.' })
  totalFen!: bigint | null;

  @Field(() => Basis, { nullable: true, description: 'Whether `total` is planned (BUDGET: a budget or a target form) or spent (ACTUAL: final accounts), as the table it was read from prints it.' })
  totalBasis!: Basis | null;

  @Field(() => Source, { nullable: true, description: 'The 合计 line `total` was read from.' })
  totalSource!: Source | null;

  @Field(() => Source, { nullable: true, description: 'The line printing the title, which names the department.' })
  titleSource!: Source | null;

  @Field(() => String, { nullable: true, description: 'How `total` was formed when the table prints no 合计 row (e.g. "sum of 2 unit rows").' })
  totalNote!: string | null;

  @Field(() => String, { description: 'SHA-256 of the text loaded; a changed file replaces its facts.' })
  contentHash!: string;

  departmentId!: string;

  /** Lines and projects Query.document fetched with it, cut to its selection (cypher/document-bundle.cypher). */
  bundled?: { lines: Partial<Record<ModelCodeScheme, BudgetLine[]>>; projects?: ProjectAllocation[] };
}

@ObjectType({ implements: Node, description: 'BudgetLine // 预算表行: one row of a classification table (功能/经济分类, 政府采购) for one unit.' })
export class BudgetLine {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => Int, { description: 'Fiscal year of the document.' })
  year!: number;

  @Field(() => DecimalScalar, { name: 'budget', nullable: true, description: 'Planned amount (预算数), 万元: the total of a budget line, or a 决算 table’s budget column.' })
  budgetFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'actual', nullable: true, description: 'Spent amount (决算数), 万元; null in budgets.' })
  actualFen!: bigint | null;

  @Field(() => [AmountColumn], { description: 'Every amount column of the row, by its flattened header path (本年收入/财政拨款/…).' })
  columns!: AmountColumn[];

  @Field(() => Source, { description: 'Where it is printed: document, table, line and the line’s text.' })
  source!: Source;

  documentId!: string;
  /** Null: the line is printed for the department as a whole (no FOR_UNIT). */
  unitId!: string | null;
}

// Its declared properties (src/model/kinds/budget-line.ts): typed by this interface (merged into the
// class), served by the fields declareKindFields adds.
export interface BudgetLine extends StoredOf<typeof BUDGET_LINE> {}
declareKindFields(BudgetLine, BUDGET_LINE, { CodeScheme, Basis });

@ObjectType({ description: 'One amount cell of a table row, named by its header path.' })
export class AmountColumn {
  @Field(() => String, { description: 'Header path, e.g. "本年收入/一般公共预算拨款/小计".' })
  header!: string;

  @Field(() => DecimalScalar, { name: 'amount', description: '万元.' })
  amountFen!: bigint;
}

/** The six 三公 figures, shared by a whole row and by each of its funds. */
@ObjectType({ description: 'The six 三公 figures (abstract: see ThreeCosts and FundThreeCosts).' })
abstract class ThreeCostsFigures {}

@ObjectType({ description: '"三公"经费 of one fund (资金性质).' })
export class FundThreeCosts extends ThreeCostsFigures {
  @Field(() => String, { description: 'The fund as printed (一般公共预算, 政府性基金 …).' })
  fund!: string;
}

@ObjectType({ implements: Node, description: '"三公"经费 // three public costs: overseas trips, official reception, official vehicles; from a table or from the prose (both kept).' })
export class ThreeCosts extends ThreeCostsFigures {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => [FundThreeCosts], { description: 'Per fund (一般公共预算 / 政府性基金预算 / 国有资本经营预算) where the table splits them; the figures above are then their sums. Empty otherwise.' })
  byFund!: FundThreeCosts[];

  @Field(() => Source, { description: 'Where the table row is printed.' })
  source!: Source;
}

// The declared properties (src/model/kinds/three-costs.ts): the six figures are fields of
// ThreeCostsFigures (a row's and each fund's), origin, year and basis of ThreeCosts.
interface ThreeCostsFigures extends ThreeCostsFen {}
declareKindFields(ThreeCostsFigures, THREE_COSTS, {}, (p) => p.type === 'money');
export interface ThreeCosts extends StoredOf<typeof THREE_COSTS> {}
declareKindFields(ThreeCosts, THREE_COSTS, { Basis }, (p) => p.type !== 'money');
