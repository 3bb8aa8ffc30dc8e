import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A search result: any node by name, code or 国家编码.' })
export class SearchHit {
  @Field(() => ID, { description: 'Global node id; pass it to neighbours, paths or the explorer.' })
  id!: string;

  @Field(() => String, { description: 'Node kind: Department, Document, BudgetUnit, Project, FunctionCode, EconomicCode, ProcurementItem, InvestmentProject.' })
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'A hint to tell hits apart (department, year, scheme).' })
  detail!: string | null;

  @Field(() => Float)
  score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Any node of the graph, for exploring.' })
export class GraphNode {
  @Field(() => ID, { description: '"<Kind>:<key>".' })
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => GraphQLJSONObject, { description: 'Every stored property; money in 万元 strings; `source` = {documentId, table, line, text}.' })
  properties!: Record<string, unknown>;

  @Field(() => Int, { description: 'Number of anomalies concerning this node.' })
  anomalies!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A relationship between two nodes.' })
export class GraphEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Relationship type, e.g. BOOKED_UNDER, ALLOCATES, IN_DOCUMENT.' })
  type!: string;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => GraphQLJSONObject, { description: 'Properties; BOOKED_UNDER carries method, note and evidence.' })
  properties!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true, description: 'A node with (up to `first` of) its neighbours.' })
export class Neighbourhood {
  @Field(() => GraphNode)
  center!: GraphNode;

  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Int, { description: 'All relationships of the centre; more than edges.length when cut by `first`.' })
  totalCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One path between two nodes.' })
export class GraphPath {
  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];
}
