import { Field, ID, ObjectType } from 'type-graphql';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

@ObjectType({ description: 'Anomaly // 数据异常: a place where the documents contradict themselves. Recorded, never corrected.' })
export class Anomaly {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description:
      'PARENT_SUM_MISMATCH (a line ≠ Σ its children, or 合计 ≠ 基本 + 项目), TOTAL_SUM_MISMATCH (合计 ≠ Σ 类), PROSE_TABLE_MISMATCH (prose states another figure than the table), PROJECT_LIST_MISMATCH (one project, two amounts), TRUNCATED_CODE (国家编码 cut short), COMPLETION_RATE_MISMATCH (printed 项目总体完成率 ≠ 累计完成投资 ÷ 项目总投资), LINKED_EXCEEDS_LINE (more project money linked to a 项 line than it prints).',
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
