import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from './sorting.js';
import { DecimalScalar } from './scalars.js';
import { DocumentKind } from './documents.js';
import { AnomalyKind, Severity } from './anomalies.js';
import type { AnomalyKind as Kind, Severity as SeverityValue } from '../../parse/records.js';

@InputType({ description: 'Filter documents; every field is optional and they combine with AND.' })
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'File name or document id.' })
  file?: string;

  @Field(() => String, { nullable: true, description: 'Department id, name or any printed alias (substring), e.g. a district name.' })
  department?: string;

  @Field(() => Int, { nullable: true, description: 'Fiscal year.' })
  year?: number;

  @Field(() => DocumentKind, { nullable: true, description: 'Only documents that contain this kind.' })
  kind?: DocumentKind;
}

@InputType({ description: 'Filter projects; fields combine with AND.' })
export class ProjectFilter {
  @Field(() => String, { nullable: true, description: 'Substring of any printed name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Department id, name or alias (substring).' })
  department?: string;

  @Field(() => Int, { nullable: true, description: 'A year the project appears in.' })
  year?: number;

  @Field(() => String, { nullable: true, description: 'A 功能分类 code the project is linked to (any method).' })
  code?: string;

  @Field(() => Int, { nullable: true, description: 'From this year (inclusive): the project has an allocation in the range.' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'To this year (inclusive).' })
  yearTo?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Its amount (Σ of its allocations in the years asked) at least this, 万元.' })
  minAmount?: bigint;

  @Field(() => DecimalScalar, { nullable: true, description: 'Its amount at most this, 万元.' })
  maxAmount?: bigint;
}

export enum ProjectOrderField {
  AMOUNT = 'AMOUNT',
  NAME = 'NAME',
  DEPARTMENT = 'DEPARTMENT',
  YEAR = 'YEAR',
}
registerEnumType(ProjectOrderField, {
  name: 'ProjectOrderField',
  description: 'What projects can be sorted by.',
  valuesConfig: {
    AMOUNT: { description: 'Σ of its allocations in the years the filter asks (all years when none).' },
    NAME: { description: 'Its name.' },
    DEPARTMENT: { description: 'Its department’s name.' },
    YEAR: { description: 'The latest year it has an allocation in (within the filter).' },
  },
});

@InputType({ description: 'One sort key of projects.' })
export class ProjectOrder {
  @Field(() => ProjectOrderField, { description: 'What to sort by.' })
  field!: ProjectOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (default) or DESC.' })
  direction!: SortDirection;
}

@InputType({ description: 'Filter investment projects (政府投资项目).' })
export class InvestmentProjectFilter {
  @Field(() => String, { nullable: true, description: 'Prefix of the 国家编码, e.g. "2019-440307".' })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Substring of the name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Department id, name or alias (substring).' })
  department?: string;

  @Field(() => Int, { nullable: true, description: 'Year of the reporting document.' })
  year?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only codes printed cut short (true) or only complete ones (false).' })
  truncated?: boolean;
}

@InputType({ description: 'Filter anomalies.' })
export class AnomalyFilter {
  @Field(() => String, { nullable: true, description: 'Document id or file name.' })
  document?: string;

  @Field(() => AnomalyKind, { nullable: true, description: 'Only anomalies of this kind.' })
  kind?: Kind;

  @Field(() => Severity, { nullable: true, description: 'Only anomalies of this severity.' })
  severity?: SeverityValue;

  @Field(() => String, { nullable: true, description: 'Department id, name or alias (substring).' })
  department?: string;
}
