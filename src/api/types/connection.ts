// Relay-style connections: edges { cursor node }, nodes, pageInfo, totalCount.
import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another page follows; pass endCursor as `after` to get it.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge on this page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'True when a page comes before this one; pass startCursor as `before` (with `last`) to get it.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge on this page.' })
  startCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `what` and its plural as English prose says them ("anomaly", "anomalies"). */
export function Connection<T extends object>(item: ClassType<T>, name: string, what: string, whats = `${what}s`) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${what} and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue after this edge, or as `before` to page back.' })
    cursor!: string;

    @Field(() => item, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${whats}.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: `The ${whats} of this page, each with its cursor.` })
    edges!: Edge[];

    @Field(() => [item], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether pages come before or after this one.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Number of ${whats} matching the filter, over all pages.` })
    totalCount!: number;
  }
  return ConnectionType;
}
