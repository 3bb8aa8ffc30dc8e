import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Liveness of the service and its database (服务状态). Never answered from a cache.' })
export class Health {
  @Field(() => Boolean, { description: 'True when Neo4j answered just now (within 1.5 s).' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'Version of the Neo4j server, e.g. "5.26.30"; null when it did not answer.' })
  neo4jVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Neo4j edition, e.g. "community"; null when it did not answer.' })
  neo4jEdition!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of documents loaded into the graph (文档数); null when Neo4j did not answer. While a large write keeps Neo4j busy (it still answers its liveness probe), the count last read, at most a load behind.' })
  documents!: number | null;

  @Field(() => String, { nullable: true, description: 'Why ok is false (e.g. "DATABASE_UNAVAILABLE"); null when ok.' })
  reason!: string | null;
}
