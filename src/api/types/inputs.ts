import { Field, InputType, Int } from 'type-graphql';
import { DocumentKind } from './documents.js';

@InputType({ description: 'Filter documents; every field is optional and they combine with AND.' })
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'File name or document id.' })
  file?: string;

  @Field(() => String, { nullable: true, description: 'Department id, name or any printed alias (substring), e.g. "龙岗".' })
  department?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => DocumentKind, { nullable: true })
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
}

@InputType({ description: 'Filter investment projects (政府投资项目).' })
export class InvestmentProjectFilter {
  @Field(() => String, { nullable: true, description: 'Prefix of the 国家编码, e.g. "2019-440307".' })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Substring of the name.' })
  name?: string;

  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true, description: 'Anomaly kind, e.g. PROSE_TABLE_MISMATCH.' })
  kind?: string;

  @Field(() => String, { nullable: true, description: 'INFO, WARNING or ERROR.' })
  severity?: string;

  @Field(() => String, { nullable: true, description: 'Department id, name or alias (substring).' })
  department?: string;
}
