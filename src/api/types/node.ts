// Relay's Node (Global Object Identification): every entity with an identity implements it, its
// `id` is the global id "<__typename>:<key>" (src/model/ids.ts globalId) that search, neighbours,
// paths and the explorer use too, and node(id) / nodes(ids) refetch it typed.
import { Field, ID, InterfaceType } from 'type-graphql';

/** What node(id) hands GraphQL: the row of its kind, tagged with the GraphQL type it is. */
export interface TypedRow {
  __typename: string;
}

@InterfaceType({
  description: 'An object with a global id; node(id) refetches it (Relay Global Object Identification).',
  resolveType: (value: TypedRow) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id, "<__typename>:<key>" (e.g. "Project:<department>|<name>", "ClassificationCode:FunctionCode:2010504"): node(id) refetches it; search, neighbours and paths take it too.' })
  id!: string;
}
