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

/**
 * The schema's NodeKind values are UPPER_SNAKE (PROJECT_ALLOCATION); the explorer keys its
 * legend and styles by the type name a global id starts with (ProjectAllocation).
 */
export function kindName(kind: string): string {
  return kind.split('_').map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join('');
}

function withKind<T extends { kind: string }>(n: T): T {
  return { ...n, kind: kindName(n.kind) };
}
const EDGE = 'id type from to properties';

export async function search(text: string): Promise<{ id: string; kind: string; name: string; detail: string | null }[]> {
  const data = await gql<{ search: { id: string; kind: string; name: string; detail: string | null }[] }>(`query($t: String!) { search(text: $t, first: 10) { id kind name detail } }`, { t: text });
  return data.search.map(withKind);
}

/** How many nodes of each kind a search text finds, to group suggestions. */
export async function searchCounts(text: string): Promise<{ kind: string; count: number }[]> {
  return (await gql<{ searchCounts: { kind: string; count: number }[] }>(`query($t: String!) { searchCounts(text: $t) { kind count } }`, { t: text })).searchCounts.map(withKind);
}

export async function node(id: string): Promise<GraphNode | null> {
  const found = (await gql<{ graphNode: GraphNode | null }>(`query GraphNode($id: ID!) { graphNode(id: $id) { ${NODE} } }`, { id })).graphNode;
  return found && withKind(found);
}

export async function neighbours(id: string, first = 40): Promise<{ center: GraphNode; nodes: GraphNode[]; edges: GraphEdge[]; totalCount: number } | null> {
  const data = await gql<{ neighbours: { center: GraphNode; nodes: GraphNode[]; edges: GraphEdge[]; totalCount: number } | null }>(
    `query($id: ID!, $first: Int) { neighbours(id: $id, first: $first) { totalCount center { ${NODE} } nodes { ${NODE} } edges { ${EDGE} } } }`,
    { id, first },
  );
  const n = data.neighbours;
  return n && { ...n, center: withKind(n.center), nodes: n.nodes.map(withKind) };
}

export async function paths(from: string, to: string, maxHops = 4): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }[]> {
  const data = await gql<{ paths: { nodes: GraphNode[]; edges: GraphEdge[] }[] }>(
    `query($from: ID!, $to: ID!, $hops: Int) { paths(from: $from, to: $to, maxHops: $hops) { nodes { ${NODE} } edges { ${EDGE} } } }`,
    { from, to, hops: maxHops },
  );
  return data.paths.map((p) => ({ ...p, nodes: p.nodes.map(withKind) }));
}

export interface TrailLine {
  code: string;
  name: string | null;
  /** Null: the line is printed for the department as a whole. */
  unit: string | null;
  projectMoney: string;
  explained: string;
  unexplained: string;
  source: { line: number | null; table: string | null };
  contributions: { amount: string; method: string; note: string | null; project: { name: string } | null; investmentProject: { name: string; code: string } | null }[];
}

/** The money trail of the document a budget line belongs to, and the table it reads. */
export async function moneyTrailOfDocument(documentId: string): Promise<{ table: string | null; basis: string; lines: TrailLine[] } | null> {
  const doc = await gql<{ document: { year: number; kinds: string[]; department: { id: string } | null } | null }>(`query($id: ID!) { document(id: $id) { year kinds department { id } } }`, { id: documentId });
  const d = doc.document;
  if (!d?.department) return null;
  // A 单位预算 is read as its own trail (the department's 部门预算 is another document).
  const kind = (['BUDGET', 'UNIT_BUDGET', 'FINAL_ACCOUNTS'] as const).find((k) => d.kinds.includes(k)) ?? null;
  if (!kind) return null;
  const data = await gql<{ moneyTrail: { table: string | null; basis: string; lines: TrailLine[] } }>(
    `query($d: String!, $y: Int!, $k: DocumentKind) { moneyTrail(department: $d, year: $y, kind: $k) { table basis lines { code name unit projectMoney explained unexplained source { line table } contributions { amount method note project { name } investmentProject { name code } } } } }`,
    { d: d.department.id, y: d.year, k: kind },
  );
  return data.moneyTrail;
}
