import { DocumentDiagnostic } from './diagnostics.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { LOAD_STATUSES, type LoadReport as Report } from '../../load/loader.js';
import { declaredEnum } from './enums.js';

export const LoadStatus = declaredEnum(LOAD_STATUSES, 'LoadStatus', 'What loading one document did.');

@ObjectType({ simpleResolvers: true, description: 'What loading one document did (one transaction: all of it or none).' })
export class LoadReport {
  @Field(() => String, { description: 'The file name the document was loaded under.' })
  file!: string;

  @Field(() => LoadStatus, { description: 'What the load did.' })
  status!: Report['status'];

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

  @Field(() => [DocumentDiagnostic], { description: 'What the reader said about reading it (stored with the document: Document.diagnostics); a WARNING marks a line whose figures are not in the graph or are read with doubt.' })
  diagnostics!: DocumentDiagnostic[];
}
