import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Provenance (出处) of a fact: the document, table and line it was read from, and that line as printed.' })
export class Source {
  /** Resolved to `document` by SourceResolver. */
  documentId!: string;

  @Field(() => String, { nullable: true, description: 'Title of the table (表) the line belongs to, as printed; "正文" for prose.' })
  table!: string | null;

  @Field(() => Int, { nullable: true, description: 'Line number in the document text (1-based).' })
  line!: number | null;

  @Field(() => String, { nullable: true, description: 'The source line as printed (cells separated by tabs).' })
  text!: string | null;
}
