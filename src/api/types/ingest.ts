import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'What loading one document did (one transaction: all of it or none).' })
export class LoadReport {
  @Field(() => String, { description: 'The file name the document was loaded under.' })
  file!: string;

  @Field(() => String, { description: 'LOADED (new), REPLACED (the file changed), UNCHANGED (same content hash: nothing written).' })
  status!: string;

  @Field(() => Int, { description: 'Records the parser produced.' })
  records!: number;

  @Field(() => Int, { description: 'Nodes the transaction created.' })
  nodesCreated!: number;

  @Field(() => Int, { description: 'Relationships the transaction created.' })
  relationshipsCreated!: number;

  @Field(() => Int, { description: 'Anomalies recorded for the document.' })
  anomalies!: number;

  @Field(() => Int, { description: 'Milliseconds taken.' })
  ms!: number;

  @Field(() => [String], { description: 'Files of the same department, year and kind this load superseded (ingest with replace: true).' })
  replacedFiles!: string[];

  @Field(() => [String], { description: 'Parse/graph parity errors: a record kind whose count or fen sums in the graph differ from what the parser read. Empty when every fact arrived.' })
  parityErrors!: string[];
}
