// Filter and sort inputs of the paged lists. The fields each filter understands and what each
// list sorts by are declared in src/query/lists.ts; a unit test checks these inputs against it.
// Every filter combines its fields with AND and nests and / or / not (camelCase input names) for the rest.
import { Field, InputType, Int } from 'type-graphql';
import { SortDirection } from './sorting.js';
import { DecimalScalar } from './scalars.js';
import { DocumentKind } from './documents.js';
import { AnomalyKind, Severity } from './anomalies.js';
import { declaredEnum } from './enums.js';
import { LISTS, type ListName, type SortField } from '../../query/lists.js';
import type { AnomalyKind as Kind, Severity as SeverityValue } from '../../model/anomalies.js';

const DEPARTMENT = 'Department id, name or any printed alias (substring), e.g. a district name.';
const DEPARTMENT_IN = 'Any of these departments (each matched as `department` is).';
const AND = 'All of these filters as well.';
const OR = 'At least one of these filters as well.';
const NOT = 'Not this filter.';

@InputType({ description: 'Filter documents; fields combine with AND; nest and / or / not for more.' })
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'File name or document id (global "Document:…" or bare).' })
  file?: string;

  @Field(() => String, { nullable: true, description: DEPARTMENT })
  department?: string;

  @Field(() => [String], { nullable: true, description: DEPARTMENT_IN })
  departmentIn?: string[];

  @Field(() => Int, { nullable: true, description: 'Fiscal year.' })
  year?: number;

  @Field(() => [Int], { nullable: true, description: 'Any of these fiscal years.' })
  yearIn?: number[];

  @Field(() => Int, { nullable: true, description: 'Fiscal year from (inclusive).' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Fiscal year to (inclusive).' })
  yearTo?: number;

  @Field(() => DocumentKind, { nullable: true, description: 'Only documents that contain this kind.' })
  kind?: DocumentKind;

  @Field(() => [DocumentKind], { nullable: true, description: 'Documents that contain any of these kinds.' })
  kindIn?: DocumentKind[];

  @Field(() => Boolean, { nullable: true, description: 'Only documents with (true) or without (false) recorded anomalies.' })
  hasAnomaly?: boolean;

  @Field(() => [DocumentFilter], { nullable: true, description: AND })
  and?: DocumentFilter[];

  @Field(() => [DocumentFilter], { nullable: true, description: OR })
  or?: DocumentFilter[];

  @Field(() => DocumentFilter, { nullable: true, description: NOT })
  not?: DocumentFilter;
}

@InputType({ description: 'Filter projects; fields combine with AND; nest and / or / not for more. The top-level year fields also choose which allocations a project’s amount sums.' })
export class ProjectFilter {
  @Field(() => String, { nullable: true, description: 'Substring of any printed name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: DEPARTMENT })
  department?: string;

  @Field(() => [String], { nullable: true, description: DEPARTMENT_IN })
  departmentIn?: string[];

  @Field(() => Int, { nullable: true, description: 'A year the project has an allocation in.' })
  year?: number;

  @Field(() => [Int], { nullable: true, description: 'It has an allocation in any of these years.' })
  yearIn?: number[];

  @Field(() => Int, { nullable: true, description: 'From this year (inclusive): the project has an allocation in the range.' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'To this year (inclusive).' })
  yearTo?: number;

  @Field(() => String, { nullable: true, description: 'A 功能分类 code the project is linked to (any method).' })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Linked to a 功能分类 code starting with this (a 类 "201" or 款 "20105").' })
  codePrefix?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Its amount (Σ of its allocations in the top-level years) at least this, 万元.' })
  minAmount?: bigint;

  @Field(() => DecimalScalar, { nullable: true, description: 'Its amount at most this, 万元.' })
  maxAmount?: bigint;

  @Field(() => Boolean, { nullable: true, description: 'Only projects with (true) or without (false) an anomaly concerning them or their allocations.' })
  hasAnomaly?: boolean;

  @Field(() => [ProjectFilter], { nullable: true, description: AND })
  and?: ProjectFilter[];

  @Field(() => [ProjectFilter], { nullable: true, description: OR })
  or?: ProjectFilter[];

  @Field(() => ProjectFilter, { nullable: true, description: NOT })
  not?: ProjectFilter;
}

@InputType({ description: 'Filter investment projects (政府投资项目); fields combine with AND; nest and / or / not for more.' })
export class InvestmentProjectFilter {
  @Field(() => String, { nullable: true, description: 'Prefix of the 国家编码, e.g. "2019-440307".' })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Substring of the name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: DEPARTMENT })
  department?: string;

  @Field(() => [String], { nullable: true, description: DEPARTMENT_IN })
  departmentIn?: string[];

  @Field(() => Int, { nullable: true, description: 'Year of the reporting document.' })
  year?: number;

  @Field(() => [Int], { nullable: true, description: 'Any of these report years.' })
  yearIn?: number[];

  @Field(() => Int, { nullable: true, description: 'Report year from (inclusive).' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Report year to (inclusive).' })
  yearTo?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only codes printed cut short (true) or only complete ones (false).' })
  truncated?: boolean;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total investment (项目总投资) at least this, 万元.' })
  minTotalInvestment?: bigint;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total investment at most this, 万元.' })
  maxTotalInvestment?: bigint;

  @Field(() => Boolean, { nullable: true, description: 'Only investment projects with (true) or without (false) an anomaly concerning them.' })
  hasAnomaly?: boolean;

  @Field(() => [InvestmentProjectFilter], { nullable: true, description: AND })
  and?: InvestmentProjectFilter[];

  @Field(() => [InvestmentProjectFilter], { nullable: true, description: OR })
  or?: InvestmentProjectFilter[];

  @Field(() => InvestmentProjectFilter, { nullable: true, description: NOT })
  not?: InvestmentProjectFilter;
}

@InputType({ description: 'Filter anomalies; fields combine with AND; nest and / or / not for more.' })
export class AnomalyFilter {
  @Field(() => String, { nullable: true, description: 'Document id (global "Document:…" or bare) or file name.' })
  document?: string;

  @Field(() => AnomalyKind, { nullable: true, description: 'Only anomalies of this kind.' })
  kind?: Kind;

  @Field(() => [AnomalyKind], { nullable: true, description: 'Anomalies of any of these kinds.' })
  kindIn?: Kind[];

  @Field(() => Severity, { nullable: true, description: 'Only anomalies of this severity.' })
  severity?: SeverityValue;

  @Field(() => String, { nullable: true, description: DEPARTMENT })
  department?: string;

  @Field(() => [String], { nullable: true, description: DEPARTMENT_IN })
  departmentIn?: string[];

  @Field(() => Int, { nullable: true, description: 'Fiscal year of the document.' })
  year?: number;

  @Field(() => Int, { nullable: true, description: 'Fiscal year from (inclusive).' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Fiscal year to (inclusive).' })
  yearTo?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'The difference (|delta|) at least this, 万元.' })
  minDelta?: bigint;

  @Field(() => [AnomalyFilter], { nullable: true, description: AND })
  and?: AnomalyFilter[];

  @Field(() => [AnomalyFilter], { nullable: true, description: OR })
  or?: AnomalyFilter[];

  @Field(() => AnomalyFilter, { nullable: true, description: NOT })
  not?: AnomalyFilter;
}

/** A list's sort enum and its `{ field, direction }` input, from its declaration in lists.ts. */
function orderInput<L extends ListName>(list: L, prefix: string, what: string) {
  // LISTS[list] for a generic L widens to every list's sort table; SortField<L> names this list's keys.
  const OrderField = declaredEnum(LISTS[list].sort as Record<SortField<L>, string>, `${prefix}OrderField`, `What ${what} can be sorted by.`);

  @InputType(`${prefix}Order`, { description: `One sort key of ${what}.` })
  class Order {
    @Field(() => OrderField, { description: 'What to sort by.' })
    field!: SortField<L>;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (default) or DESC.' })
    direction!: SortDirection;
  }
  return Order;
}

export const ProjectOrder = orderInput('projects', 'Project', 'projects');
export const DocumentOrder = orderInput('documents', 'Document', 'documents');
export const AnomalyOrder = orderInput('anomalies', 'Anomaly', 'anomalies');
export const InvestmentProjectOrder = orderInput('investmentProjects', 'InvestmentProject', 'investment projects');
export const CodeFeedOrder = orderInput('codeFeeds', 'CodeFeed', 'project → code links');
