import { Node } from './node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { declaredEnum, mapValues } from './enums.js';
import { TABLE_FAMILIES, type TableFamily as Family } from '../../model/families.js';
import { FIGURE_MEASURES, type FigureMeasure as Measure } from '../../model/figures.js';
import { AmountColumn, Basis } from './documents.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

/** The parser's table families and figure measures (declared once, in families.ts and records.ts). */
export const TableFamily = declaredEnum(
  mapValues(TABLE_FAMILIES, (v) => `${v.zh} — ${v.en}`),
  'TableFamily',
  'TableFamily // 表类: which kind of table a figure was printed in.',
);
export const FigureMeasure = declaredEnum(FIGURE_MEASURES, 'FigureMeasure', 'FigureMeasure // 数字类型: what a printed number counts.');

@ObjectType({ implements: Node, description: 'Figure // 表内数字: a number a table prints that no richer fact holds — a 收支总表 item, a 合计 row’s other columns, a score, a payment — with its row label and column.' })
export class Figure {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => TableFamily, { description: 'The kind of table it was printed in.' })
  family!: Family;

  @Field(() => String, { nullable: true, description: '收入 or 支出 in a side-by-side table; null otherwise.' })
  side!: string | null;

  @Field(() => String, { description: 'The row’s label as printed (code and name, an item, a unit); empty when the row prints none.' })
  item!: string;

  @Field(() => String, { description: 'The column’s header path, e.g. "收入/决算数"; empty when the table prints none.' })
  column!: string;

  @Field(() => FigureMeasure, { description: 'What the number counts: money, a rate, a score or a count.' })
  measure!: Measure;

  @Field(() => String, { description: 'The number as printed (spaces removed).' })
  value!: string;

  @Field(() => DecimalScalar, { name: 'amount', nullable: true, description: 'MONEY figures: the amount in 万元 (exact).' })
  amountFen!: bigint | null;

  @Field(() => Basis, { description: 'BUDGET or ACTUAL, by the document.' })
  basis!: string;

  @Field(() => Source, { description: 'Where it is printed.' })
  source!: Source;

  documentId!: string;
}

@ObjectType({ implements: Node, description: 'TableTotal // 合计: the total row of a classification table (the whole table, or one 预算单位’s block), every column kept.' })
export class TableTotal {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => String, { description: 'The table’s title as printed.' })
  table!: string;

  @Field(() => String, { nullable: true, description: 'The 预算单位 whose block it totals; null for the whole table.' })
  unitName!: string | null;

  @Field(() => DecimalScalar, { name: 'total', nullable: true, description: '合计, 万元.' })
  totalFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'basic', nullable: true, description: '基本支出, 万元.' })
  basicFen!: bigint | null;

  @Field(() => DecimalScalar, { name: 'project', nullable: true, description: '项目支出, 万元.' })
  projectFen!: bigint | null;

  @Field(() => [AmountColumn], { description: 'Every amount the row prints, by header path.' })
  columns!: AmountColumn[];

  @Field(() => Source, { description: 'Where the total row is printed.' })
  source!: Source;

  documentId!: string;
}

@ObjectType({ description: 'The table fact a prose amount restates.' })
export class Restatement {
  @Field(() => String, { description: 'BudgetLine, TableTotal, Figure, ProjectAllocation or ThreeCosts.' })
  kind!: string;

  @Field(() => ID, { description: 'The restated fact’s global id: node(id) fetches it.' })
  factId!: string;

  @Field(() => String, { description: 'NAME_AND_AMOUNT: the table names the item (or its column under the item’s parent) and prints the same amount.' })
  rule!: string;

  @Field(() => Source, { description: 'Where the restated table fact is printed.' })
  source!: Source;
}

@ObjectType({ implements: Node, description: 'ProseAmount // 正文金额: an amount a sentence states, with the change and percentage stated for it, and the table fact it restates.' })
export class ProseAmount {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => String, { description: 'What the amount is of, as the sentence names it.' })
  item!: string;

  @Field(() => DecimalScalar, { name: 'amount', description: '万元.' })
  amountFen!: bigint;

  @Field(() => DecimalScalar, { name: 'change', nullable: true, description: 'Year-on-year change stated beside it (减少 negative), 万元.' })
  changeFen!: bigint | null;

  @Field(() => String, { nullable: true, description: 'Percentage change as printed, signed (e.g. "-35.5%").' })
  changePercent!: string | null;

  @Field(() => String, { nullable: true, description: 'The item it is part of, in an itemised list ("主要包括：…") or a bracketed breakdown.' })
  parent!: string | null;

  @Field(() => Restatement, { nullable: true, description: 'The table fact stating the same item and amount; null when none does (see anomalies for disagreements).' })
  restates!: Restatement | null;

  @Field(() => Source, { description: 'Where the sentence is printed.' })
  source!: Source;

  documentId!: string;
}

@ObjectType({ implements: Node, description: 'Payment // 支付明细: one payment a 项目支出明细表 lists.' })
export class Payment {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => String, { nullable: true, description: 'The project the table’s title names.' })
  project!: string | null;

  @Field(() => String, { nullable: true, description: '序号 as printed.' })
  serial!: string | null;

  @Field(() => String, { description: '支出事项 as printed.' })
  item!: string;

  @Field(() => DecimalScalar, { name: 'amount', description: '万元.' })
  amountFen!: bigint;

  @Field(() => Source, { description: 'Where the row is printed.' })
  source!: Source;

  documentId!: string;
}
