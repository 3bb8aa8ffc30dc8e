import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Liveness of the service and its database (服务状态).' })
export class Health {
  @Field(() => Boolean, { description: 'True when Neo4j answered.' })
  ok!: boolean;

  @Field(() => String, { description: 'Version of the Neo4j server, e.g. "5.26.30".' })
  neo4jVersion!: string;

  @Field(() => String, { description: 'Neo4j edition, e.g. "community".' })
  neo4jEdition!: string;

  @Field(() => Int, { description: 'Number of documents loaded into the graph (文档数).' })
  documents!: number;
}
