import { Field, ID, ObjectType } from 'type-graphql';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

@ObjectType({ description: 'Anomaly // 数据异常: a place where the documents contradict themselves. Recorded, never corrected.' })
export class Anomaly {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'PARENT_SUM_MISMATCH, TOTAL_SUM_MISMATCH, PROSE_TABLE_MISMATCH, PROJECT_LIST_MISMATCH, TRUNCATED_CODE, VALUE_IN_WRONG_COLUMN, PAGE_COPY_MISMATCH.',
  })
  kind!: string;

  @Field(() => String, { description: 'INFO, WARNING or ERROR.' })
  severity!: string;

  @Field(() => String)
  message!: string;

  @Field(() => DecimalScalar, { name: 'delta', nullable: true, description: 'Signed difference, 万元, where one applies.' })
  deltaFen!: bigint | null;

  @Field(() => [Source], { description: 'The lines that disagree.' })
  sources!: Source[];

  documentId!: string;
}
