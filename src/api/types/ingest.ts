import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'What loading one document did (one transaction: all of it or none).' })
export class LoadReport {
  @Field(() => String)
  file!: string;

  @Field(() => String, { description: 'LOADED (new), REPLACED (the file changed), UNCHANGED (same content hash: nothing written).' })
  status!: string;

  @Field(() => Int, { description: 'Records the parser produced.' })
  records!: number;

  @Field(() => Int)
  nodesCreated!: number;

  @Field(() => Int)
  relationshipsCreated!: number;

  @Field(() => Int, { description: 'Anomalies recorded for the document.' })
  anomalies!: number;

  @Field(() => Int, { description: 'Milliseconds taken.' })
  ms!: number;
}
