// The explorer talks to the public GraphQL API only.

export interface GraphNode {
  id: string;
  kind: string;
  name: string;
  properties: Record<string, unknown>;
  anomalies: number;
}

export interface GraphEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export class ApiError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const NODE = 'id kind name properties anomalies';
const EDGE = 'id type from to properties';

export async function search(text: string): Promise<{ id: string; kind: string; name: string; detail: string | null }[]> {
  const data = await gql<{ search: { id: string; kind: string; name: string; detail: string | null }[] }>(`query($t: String!) { search(text: $t, first: 10) { id kind name detail } }`, { t: text });
  return data.search;
}

export async function node(id: string): Promise<GraphNode | null> {
  return (await gql<{ node: GraphNode | null }>(`query($id: ID!) { node(id: $id) { ${NODE} } }`, { id })).node;
}

export async function neighbours(id: string, first = 40): Promise<{ center: GraphNode; nodes: GraphNode[]; edges: GraphEdge[]; totalCount: number } | null> {
  const data = await gql<{ neighbours: { center: GraphNode; nodes: GraphNode[]; edges: GraphEdge[]; totalCount: number } | null }>(
    `query($id: ID!, $first: Int) { neighbours(id: $id, first: $first) { totalCount center { ${NODE} } nodes { ${NODE} } edges { ${EDGE} } } }`,
    { id, first },
  );
  return data.neighbours;
}

export async function paths(from: string, to: string, maxHops = 4): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }[]> {
  const data = await gql<{ paths: { nodes: GraphNode[]; edges: GraphEdge[] }[] }>(
    `query($from: ID!, $to: ID!, $hops: Int) { paths(from: $from, to: $to, maxHops: $hops) { nodes { ${NODE} } edges { ${EDGE} } } }`,
    { from, to, hops: maxHops },
  );
  return data.paths;
}
