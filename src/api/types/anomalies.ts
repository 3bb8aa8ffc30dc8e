import { Node } from './node.js';
import { Field, ObjectType } from 'type-graphql';
import { declaredEnum } from './enums.js';
import { ANOMALY_KINDS, SEVERITIES, type AnomalyKind as Kind, type Severity as SeverityValue } from '../../model/anomalies.js';
import { DecimalScalar } from './scalars.js';
import { Source } from './source.js';

/** The parser's anomaly kinds with their descriptions (declared once, in records.ts). */
export const AnomalyKind = declaredEnum(ANOMALY_KINDS, 'AnomalyKind', 'AnomalyKind // 异常类型: what a recorded contradiction is.');
export const Severity = declaredEnum(SEVERITIES, 'Severity', 'How much an anomaly matters.');

@ObjectType({ implements: Node, description: 'Anomaly // 数据异常: a place where the documents contradict themselves. Recorded, never corrected.' })
export class Anomaly {
  /** The row's key; Node.id serves it as the global id. */
  id!: string;

  @Field(() => AnomalyKind, { description: 'What kind of contradiction (see AnomalyKind).' })
  kind!: Kind;

  @Field(() => Severity, { description: 'How much it matters.' })
  severity!: SeverityValue;

  @Field(() => String, { description: 'What contradicts what, with amounts and lines.' })
  message!: string;

  @Field(() => DecimalScalar, { name: 'delta', nullable: true, description: 'Signed difference, 万元, where one applies.' })
  deltaFen!: bigint | null;

  @Field(() => [Source], { description: 'The lines that disagree.' })
  sources!: Source[];

  documentId!: string;
}
