import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { declaredEnum } from './enums.js';
import { AGGREGATE_DIMENSIONS, AGGREGATE_MEASURES, type AggregateDimension as Dimension, type AggregateMeasure as Measure } from '../../query/aggregate.js';
import { CodeScheme } from './codes.js';
import { Basis, DocumentKind } from './documents.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';
import { SortDirection } from './sorting.js';

export const AggregateMeasure = declaredEnum(AGGREGATE_MEASURES, 'AggregateMeasure', 'What aggregate() sums.');
export const AggregateDimension = declaredEnum(AGGREGATE_DIMENSIONS, 'AggregateDimension', 'What aggregate() groups by (any set; at most one code dimension).');

export enum AggregateOrderField {
  AMOUNT = 'AMOUNT',
  COUNT = 'COUNT',
  YEAR = 'YEAR',
  DEPARTMENT = 'DEPARTMENT',
  UNIT = 'UNIT',
  CODE = 'CODE',
  FUND = 'FUND',
  DOCUMENT_KIND = 'DOCUMENT_KIND',
  BASIS = 'BASIS',
  CHANGE = 'CHANGE',
}
registerEnumType(AggregateOrderField, {
  name: 'AggregateOrderField',
  description: 'A field cells can be sorted by.',
  valuesConfig: {
    AMOUNT: { description: 'The cell’s sum.' },
    COUNT: { description: 'How many facts the cell sums.' },
    YEAR: { description: 'The year.' },
    DEPARTMENT: { description: 'The department’s name.' },
    UNIT: { description: 'The unit’s name.' },
    CODE: { description: 'The code.' },
    FUND: { description: 'The fund.' },
    DOCUMENT_KIND: { description: 'The document kind.' },
    BASIS: { description: 'BUDGET before ACTUAL.' },
    CHANGE: { description: 'The change from the previous year (YEAR grouped); 0 for a series’ first year.' },
  },
});


@InputType({ description: 'One sort key of aggregate cells.' })
export class AggregateOrder {
  @Field(() => AggregateOrderField, { description: 'What to sort by.' })
  field!: AggregateOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (default) or DESC.' })
  direction!: SortDirection;
}

@InputType({ description: 'Which facts aggregate() reads; fields combine with AND, lists are IN; nest and / or / not as the list filters do (scheme only at the top).' })
export class AggregateFilter {
  @Field(() => String, { nullable: true, description: 'Department id (global or bare), name or alias (substring), e.g. a district name.' })
  department?: string;

  @Field(() => [String], { nullable: true, description: 'Any of these departments (each as `department` takes it).' })
  departmentIn?: string[];

  @Field(() => Int, { nullable: true, description: 'One year.' })
  year?: number;

  @Field(() => [Int], { nullable: true, description: 'Any of these years.' })
  yearIn?: number[];

  @Field(() => [Int], { nullable: true, description: 'Any of these years.', deprecationReason: 'Use yearIn (a list filter is named <field>In everywhere).' })
  years?: number[];

  @Field(() => Int, { nullable: true, description: 'From this year (inclusive).' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'To this year (inclusive).' })
  yearTo?: number;

  @Field(() => String, { nullable: true, description: 'A code or code prefix, e.g. "2010504" or "201".' })
  code?: string;

  @Field(() => [String], { nullable: true, description: 'Any of these codes or prefixes.' })
  codeIn?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these codes or prefixes.', deprecationReason: 'Use codeIn (a list filter is named <field>In everywhere).' })
  codes?: string[];

  @Field(() => DocumentKind, { nullable: true, description: 'Documents of this kind.' })
  documentKind?: DocumentKind;

  @Field(() => [DocumentKind], { nullable: true, description: 'Documents of any of these kinds.' })
  documentKindIn?: DocumentKind[];

  @Field(() => [DocumentKind], { nullable: true, description: 'Documents of any of these kinds.', deprecationReason: 'Use documentKindIn (a list filter is named <field>In everywhere).' })
  documentKinds?: DocumentKind[];

  @Field(() => CodeScheme, { nullable: true, description: 'FUNCTION (default) or ECONOMIC when no code dimension says it. Top level only.' })
  scheme?: CodeScheme;

  @Field(() => [AggregateFilter], { nullable: true, description: 'All of these filters as well.' })
  and?: AggregateFilter[];

  @Field(() => [AggregateFilter], { nullable: true, description: 'At least one of these filters as well.' })
  or?: AggregateFilter[];

  @Field(() => AggregateFilter, { nullable: true, description: 'Not this filter.' })
  not?: AggregateFilter;
}

@ObjectType({ description: 'One group of aggregate(): one field per dimension asked for (null for the others), its exact sum, and the facts behind it.' })
export class AggregateCell {
  @Field(() => Int, { nullable: true, description: 'YEAR.' })
  year!: number | null;

  @Field(() => ID, { nullable: true, description: 'DEPARTMENT: its id.' })
  departmentId!: string | null;

  @Field(() => String, { name: 'department', nullable: true, description: 'DEPARTMENT: its name.' })
  departmentName!: string | null;

  @Field(() => ID, { nullable: true, description: 'UNIT: its id.' })
  unitId!: string | null;

  @Field(() => String, { name: 'unit', nullable: true, description: 'UNIT: its name.' })
  unitName!: string | null;

  @Field(() => DocumentKind, { nullable: true, description: 'DOCUMENT_KIND.' })
  documentKind!: string | null;

  @Field(() => Basis, { nullable: true, description: 'BASIS: BUDGET (预算) or ACTUAL (决算), as the documents print the facts summed.' })
  basis!: string | null;

  @Field(() => String, { nullable: true, description: 'FUND: 一般公共预算 / 政府性基金预算 / 国有资本经营预算.' })
  fund!: string | null;

  @Field(() => String, { nullable: true, description: 'The code of a code dimension (3, 5 or 7 digits).' })
  code!: string | null;

  @Field(() => DecimalScalar, { name: 'amount', description: 'Exact sum, 万元.' })
  amountFen!: bigint;

  @Field(() => Int, { nullable: true, description: 'With YEAR grouped: the nearest earlier year of the same series (every other dimension equal); null for its first year.' })
  previousYear!: number | null;

  @Field(() => DecimalScalar, { name: 'change', nullable: true, description: 'The change from previousYear: amount − its amount, exactly, 万元.' })
  changeFen!: bigint | null;

  @Field(() => String, { nullable: true, description: 'The change in percent: change ÷ the previous amount × 100, to two decimals (half away from zero); null when the previous amount is 0.' })
  changePercent!: string | null;

  @Field(() => Int, { description: 'How many line facts the sum adds.' })
  count!: number;

  @Field(() => [ID], { description: 'The documents the facts come from.' })
  documents!: string[];

  @Field(() => DecimalScalar, { name: 'printed', nullable: true, description: 'For a 类 / 款 cell: what the same documents print on that line (null when they print none); for a UNIT cell read from a project table: the 预算单位 row it prints for the unit.' })
  printedFen!: bigint | null;

  @Field(() => Boolean, { description: 'True when the printed 类 / 款 line differs from the sum of its 项 (see anomalies PARENT_SUM_MISMATCH), or a printed 预算单位 row from the sum of its projects (UNIT_PROJECTS_SUM_MISMATCH).' })
  printedDiffers!: boolean;

  @Field(() => [Source], { description: 'The printed 类 / 款 lines (at most 5); for a UNIT cell read from a project table, its 预算单位 row.' })
  printedSources!: Source[];

  @Field(() => [String], { description: 'The tables the summed facts are printed in (with UNIT: the tables that print them by 预算单位).' })
  sourceTables!: string[];

  scheme!: 'FUNCTION' | 'ECONOMIC';
}

@ObjectType({ description: 'A document aggregate() matched: whether its facts are in the sums, and why not.' })
export class AggregateSource {
  @Field(() => Boolean, { description: 'True when some cell sums its facts.' })
  used!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it adds nothing, when it does not.' })
  reason!: string | null;

  documentId!: string;
}

@ObjectType({ description: 'aggregate(): exact sums by dimensions, no money counted twice (see reads).' })
export class Aggregate {
  @Field(() => AggregateMeasure, { description: 'The measure summed, as asked.' })
  measure!: Measure;

  @Field(() => CodeScheme, { description: 'The classification summed.' })
  scheme!: string;

  @Field(() => String, { description: 'Which table family and level the sums read, in words.' })
  reads!: string;

  @Field(() => String, { nullable: true, description: 'With groupBy UNIT: the tables that print the measure by 预算单位 and were read ("预算单位 as printed in: …"), or that no table of the matching documents prints it by unit — money printed for the department as a whole is no unit’s, and no 本级 is invented for it. Null without UNIT.' })
  unitSource!: string | null;

  @Field(() => DecimalScalar, { name: 'total', nullable: true, description: 'Σ of all groups (not only the cells returned), 万元; null when the cells hold both BUDGET and ACTUAL figures, which are never added.' })
  totalFen!: bigint | null;

  @Field(() => Int, { description: 'Facts summed over all groups.' })
  count!: number;

  @Field(() => Int, { description: 'Documents used.' })
  documents!: number;

  @Field(() => Int, { description: 'Groups in all (cells returns the first `first` of them).' })
  groups!: number;

  @Field(() => [AggregateCell], { description: 'One cell per combination of the groupBy dimensions that has facts, sorted by orderBy.' })
  cells!: unknown[];

  // sources and emptyBecause: field resolvers (AggregateResolver), read only when asked.
  sources!: () => Promise<unknown[]>;
  emptyBecause!: () => Promise<string | null>;
}

export type { Dimension, Measure };
