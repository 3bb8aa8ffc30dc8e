import { Field, ObjectType } from 'type-graphql';
import { DIAGNOSTIC_LEVELS, type DiagnosticLevel as ModelDiagnosticLevel } from '../../model/diagnostics.js';
import { declaredEnum } from './enums.js';
import { Source } from './source.js';

export const DiagnosticLevel = declaredEnum(DIAGNOSTIC_LEVELS, 'DiagnosticLevel', 'How much a diagnostic matters.');

@ObjectType({ simpleResolvers: true, description: 'Diagnostic // 读取说明: what the reader says about how it read a line of a document (a cell repaired or unreadable, a table left unread, a unit taken from the document, personal data hidden).' })
export class DocumentDiagnostic {
  @Field(() => DiagnosticLevel, { description: 'INFO: how something was read, the figures stand; WARNING: something printed was not read, or read with doubt.' })
  level!: ModelDiagnosticLevel;

  @Field(() => String, { description: 'What kind of diagnostic (AMOUNT_REPAIRED, AMOUNT_UNREADABLE, TABLE_UNREAD, PERSONAL_DATA_REDACTED …).' })
  code!: string;

  @Field(() => String, { description: 'What was read and how, in words.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The cell or row as printed, when the diagnostic is about one.' })
  original!: string | null;

  @Field(() => Source, { description: 'The line it is about, as printed.' })
  source!: Source;
}
