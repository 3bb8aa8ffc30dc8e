import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NODE_KIND_TERMS, type NodeKind as Kind } from '../../model/nodes.js';
import { declaredEnumUpper } from './enums.js';

export const NodeKind = declaredEnumUpper(NODE_KIND_TERMS, 'NodeKind', 'What kind of node: its Neo4j label, spelled UPPER_SNAKE (PROJECT_ALLOCATION is the label ProjectAllocation).');

@ObjectType({ simpleResolvers: true, description: 'A search result: any node by name, code or 国家编码.' })
export class SearchHit {
  @Field(() => ID, { description: 'Global node id; pass it to neighbours, paths or the explorer.' })
  id!: string;

  @Field(() => NodeKind, { description: 'What kind of node it is.' })
  kind!: Kind;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its code, for classification codes and investment projects.' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'A hint to tell hits apart (department, year, scheme).' })
  detail!: string | null;

  @Field(() => Float, { description: 'Relevance (higher first).' })
  score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'How many nodes of one kind a search finds.' })
export class KindCount {
  @Field(() => NodeKind, { description: 'The kind.' })
  kind!: Kind;

  @Field(() => Int, { description: 'Matches of that kind (up to 1,000 index matches in all).' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Any node of the graph, for exploring.' })
export class GraphNode {
  @Field(() => ID, { description: 'The global id Node.id gives the same object, "<__typename>:<key>" (e.g. "ClassificationCode:FunctionCode:2010504").' })
  id!: string;

  @Field(() => NodeKind, { description: 'What kind of node it is.' })
  kind!: Kind;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => GraphQLJSONObject, { description: 'Every stored property; money in 万元 strings; `source` = {documentId, table, line, text}.' })
  properties!: Record<string, unknown>;

  @Field(() => Int, { description: 'Number of anomalies concerning this node.' })
  anomalies!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A relationship between two nodes.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Stable id of the relationship, "<TYPE>:<from id>-><to id>" (with "|<method>" for a BOOKED_UNDER link): the same on every load.' })
  id!: string;

  @Field(() => String, { description: 'Relationship type, e.g. BOOKED_UNDER, ALLOCATES, IN_DOCUMENT.' })
  type!: string;

  @Field(() => ID, { description: 'Global id of the start node.' })
  from!: string;

  @Field(() => ID, { description: 'Global id of the end node.' })
  to!: string;

  @Field(() => GraphQLJSONObject, { description: 'Properties; BOOKED_UNDER carries method, note and evidence.' })
  properties!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true, description: 'A node with (up to `first` of) its neighbours.' })
export class Neighbourhood {
  @Field(() => GraphNode, { description: 'The node asked for.' })
  center!: GraphNode;

  @Field(() => [GraphNode], { description: 'Its neighbours (at most `first`).' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'Relationships between the centre and the neighbours returned.' })
  edges!: GraphEdge[];

  @Field(() => Int, { description: 'All relationships of the centre; more than edges.length when cut by `first`.' })
  totalCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One path between two nodes.' })
export class GraphPath {
  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field(() => [GraphNode], { description: 'The nodes along the path, start first.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The relationships along the path, in order.' })
  edges!: GraphEdge[];
}
