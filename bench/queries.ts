// The questions benchmarked, as Budget Graph asks them and as the peer (@neo4j/graphql over the
// same labels) can ask them. `peer: null` says the peer cannot express the question.
// Budget Graph's ids are global ("Document:<key>", src/model/ids.ts); the peer reads the stored
// `id` property, which is the key: it is asked with keyOf(…), or it finds nothing and answers an
// empty list fast (as it did from e6bea3e to this fix, which made document and lineage look slower).
import { keyOf } from '../src/model/ids.js';

export interface BenchQuery {
  name: string;
  bg: { query: string; variables: Record<string, unknown> };
  peer: { query: string; variables: Record<string, unknown> } | null;
  /** What the peer's answer lacks, when it answers only part of the question. */
  peerGap?: string;
}

export interface Targets {
  code: string;
  projectId: string;
  documentId: string;
  department: string;
  searchText: string;
}

export function benchQueries(t: Targets): BenchQuery[] {
  return [
    {
      name: 'search',
      bg: { query: 'query($t: String!) { search(text: $t, first: 10) { id kind name } }', variables: { t: t.searchText } },
      peer: {
        query: 'query($t: String!) { functionCodes(where: { name: { contains: $t } }, limit: 5) { code name } projects(where: { name: { contains: $t } }, limit: 5) { id name } }',
        variables: { t: t.searchText },
      },
      peerGap: 'substring match over two labels (no full-text index, no codes or 国家编码 by prefix, no ranking)',
    },
    {
      name: 'projectsFeedingCode (all years)',
      bg: {
        query: 'query($c: String!) { projectsFeedingCode(code: $c) { year department { name } unit { name } project { id name } amount method evidence { table line text } } }',
        variables: { c: t.code },
      },
      peer: {
        query:
          'query($c: String!) { functionCodes(where: { code: { eq: $c } }) { code allocationsConnection { edges { properties { method note evidence } node { year amountFen project { id name } unit { name } document { year department { name } } } } } } }',
        variables: { c: t.code },
      },
      peerGap: 'evidence comes back as the stored JSON strings; amounts as integer fen',
    },
    {
      name: 'codeFeeds, a page of 100 (all years)',
      bg: {
        query: 'query($c: String!) { codeFeeds(code: $c, first: 100) { totalCount nodes { year department { name } unit { name } project { id name } amount method evidence { table line text } } pageInfo { hasNextPage endCursor } } }',
        variables: { c: t.code },
      },
      peer: {
        query:
          'query($c: String!) { functionCodes(where: { code: { eq: $c } }) { code allocationsConnection(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { properties { method note evidence } node { year amountFen project { id name } unit { name } document { year department { name } } } } } } }',
        variables: { c: t.code },
      },
      peerGap: 'evidence comes back as the stored JSON strings; amounts as integer fen; its order is the store’s, not by year',
    },
    {
      name: 'projects, top 100 by amount',
      bg: { query: '{ projects(first: 100, orderBy: [{field: AMOUNT, direction: DESC}]) { totalCount nodes { id name amount department { name } } } }', variables: {} },
      peer: { query: '{ projects(limit: 100, sort: [{ name: ASC }]) { id name allocations { amountFen } } }', variables: {} },
      peerGap: 'cannot sort by a sum over relationships: it returns 100 projects by name with their allocations for the client to add up and sort',
    },
    {
      name: 'aggregate: project money by year and 类',
      bg: { query: '{ aggregate(measure: PROJECT, groupBy: [YEAR, FUNCTION_CLASS], first: 100) { total count documents cells { year code name amount count printedDiffers } } }', variables: {} },
      peer: null,
      peerGap: 'no group-by (an aggregate is one filtered set per request), and no rule against counting a 科目 once per table and level',
    },
    {
      name: 'lineage',
      bg: { query: 'query($id: ID!) { lineage(projectId: $id) { identityRule steps { year kind name code amount executed detail method source { table line text } } } }', variables: { id: t.projectId } },
      peer: {
        query:
          'query($id: String!) { projects(where: { id: { eq: $id } }) { id name allocations { year amountFen executedFen executionRate funding srcTable srcLine srcText unit { name } document { year department { name } } codesConnection { edges { properties { method note evidence } node { code name } } } investments { code name completedInYearFen srcLine } indicators { name target actual srcLine } evaluations { budgetFen executedFen rate srcLine } } } }',
        variables: { id: keyOf('Project', t.projectId) },
      },
      peerGap: 'the raw neighbourhood only: no ordered chain, funding sources as a JSON string, no identity rule',
    },
    {
      name: 'document with all lines and projects',
      bg: {
        query: 'query($id: ID!) { document(id: $id) { title total functionLines { code name total basic project unit { name } source { line } } projects { name amount executed unit { name } codeLink { method } source { line } } } }',
        variables: { id: t.documentId },
      },
      peer: {
        query:
          'query($id: String!) { documents(where: { id: { eq: $id } }) { title lines { code name totalFen basicFen projectFen unit { name } srcLine } allocations { name amountFen executedFen unit { name } codesConnection { edges { properties { method } } } srcLine } } }',
        variables: { id: keyOf('Document', t.documentId) },
      },
    },
    {
      name: 'anomalies of a department',
      bg: { query: 'query($d: String!) { anomalies(filter: { department: $d }, first: 100) { totalCount nodes { kind severity delta message sources { line } } } }', variables: { d: t.department } },
      peer: {
        query: 'query($d: String!) { anomalies(where: { document: { some: { department: { some: { name: { contains: $d } } } } } }, limit: 100) { kind severity deltaFen message } }',
        variables: { d: t.department },
      },
    },
  ];
}

/**
 * Whether an answer holds something under every top-level field (no null, no empty list): a
 * question whose target one side cannot find measures nothing, so the bench stops instead.
 */
export function answersSomething(data: unknown): boolean {
  if (data === null || typeof data !== 'object') return false;
  return Object.values(data).every((v) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
}

/**
 * The questions' targets on a loaded graph, picked the same way at every size: code 2010504, the
 * project feeding it most often, the first budget document, the department of the first anomaly.
 */
export async function pickTargets(ask: (query: string) => Promise<{ data?: any; errors?: unknown }>): Promise<Targets> {
  const q = await ask(
    `{ feeds: projectsFeedingCode(code: "2010504") { project { id } }
       docs: documents(filter: { kind: BUDGET }, first: 1) { nodes { id } }
       anomalies(first: 1) { nodes { document { department { name } } } } }`,
  );
  if (q.errors) throw new Error(`could not pick bench targets: ${JSON.stringify(q.errors)}`);
  const counts = new Map<string, number>();
  for (const f of q.data.feeds as { project: { id: string } | null }[]) if (f.project) counts.set(f.project.id, (counts.get(f.project.id) ?? 0) + 1);
  const projectId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { code: '2010504', projectId, documentId: q.data.docs.nodes[0].id, department: q.data.anomalies.nodes[0]?.document.department.name ?? '政务', searchText: '信息' };
}

/**
 * Questions bench/scale.ts asks beside benchQueries (no peer): the documented ones whose work may
 * grow with the corpus and which the peer comparison leaves out.
 */
export function scaleQueries(t: Targets): BenchQuery[] {
  return [
    {
      name: 'moneyTrail of a department-year',
      bg: {
        query: 'query($d: String!) { moneyTrail(department: $d, year: 2020) { basis table projectMoney explained unexplained lines { code name projectMoney explained unexplained contributions { method amount project { id name } investmentProject { id name } } } } }',
        variables: { d: t.department },
      },
      peer: null,
    },
    {
      name: 'search by code prefix',
      bg: { query: 'query($t: String!) { search(text: $t, first: 10) { id kind name } }', variables: { t: '2010' } },
      peer: null,
    },
  ];
}

/** How much an answer holds: objects in its lists (at every depth) and the first totalCount. */
export function answerShape(data: unknown): { items: number; totalCount: number | null } {
  let items = 0;
  let totalCount: number | null = null;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      items += v.length;
      v.forEach(walk);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'totalCount' && typeof x === 'number' && totalCount === null) totalCount = x;
        walk(x);
      }
    }
  };
  walk(data);
  return { items, totalCount };
}

/** A question asked once to compare answers (bench/scale.ts --answers); `cursor` finds the page's endCursor. */
export interface AnswerVariant {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  cursor?: (data: any) => string | null | undefined;
}

/**
 * Several parameter sets of the questions whose statements grow with the corpus, for a before /
 * after comparison of answers: aggregates over the corpus and over one department (with the
 * printed 类 / 款 lines and their sources), money trails, and pages with their second page.
 */
export function answerVariants(t: Targets): AnswerVariant[] {
  const agg = (groupBy: string, measure: string, filter = '') =>
    `{ aggregate(measure: ${measure}, groupBy: [${groupBy}], first: 100${filter}) { total count documents groups cells { year department code name amount count printed printedDiffers printedSources { document { id } table line text } } } }`;
  const trail = 'query($d: String!, $y: Int!, $k: DocumentKind) { moneyTrail(department: $d, year: $y, kind: $k) { basis table projectMoney explained unexplained lines { code name projectMoney explained unexplained contributions { method amount project { id name } investmentProject { id name } } } } }';
  const feeds = 'query($c: String!, $after: String) { codeFeeds(code: $c, first: 100, after: $after) { totalCount nodes { year department { name } project { id name } amount method } pageInfo { hasNextPage endCursor } } }';
  const anomalies = 'query($d: String!, $after: String) { anomalies(filter: { department: $d }, first: 3, after: $after) { totalCount nodes { id kind severity delta } pageInfo { hasNextPage endCursor } } }';
  return [
    { name: 'aggregate PROJECT by YEAR, FUNCTION_CLASS', query: agg('YEAR, FUNCTION_CLASS', 'PROJECT'), variables: {} },
    { name: 'aggregate TOTAL by FUNCTION_SECTION', query: agg('FUNCTION_SECTION', 'TOTAL'), variables: {} },
    { name: 'aggregate TOTAL by YEAR, ECONOMIC_CLASS', query: agg('YEAR, ECONOMIC_CLASS', 'TOTAL'), variables: {} },
    { name: 'aggregate ACTUAL by FUNCTION_CLASS, 2020', query: agg('FUNCTION_CLASS', 'ACTUAL', ', filter: { year: 2020 }'), variables: {} },
    { name: 'aggregate TOTAL by FUNCTION_CLASS of the department', query: agg('YEAR, FUNCTION_CLASS', 'TOTAL', `, filter: { department: ${JSON.stringify(t.department)} }`), variables: {} },
    { name: 'aggregate PROJECT by DEPARTMENT, FUNCTION_CLASS, 2021', query: agg('DEPARTMENT, FUNCTION_CLASS', 'PROJECT', ', filter: { year: 2021 }'), variables: {} },
    { name: 'moneyTrail 2020', query: trail, variables: { d: t.department, y: 2020 } },
    { name: 'moneyTrail 2021', query: trail, variables: { d: t.department, y: 2021 } },
    { name: 'moneyTrail 2020 FINAL_ACCOUNTS', query: trail, variables: { d: t.department, y: 2020, k: 'FINAL_ACCOUNTS' } },
    { name: 'moneyTrail of several departments (refused)', query: trail, variables: { d: '深圳市', y: 2020 } },
    { name: 'codeFeeds', query: feeds, variables: { c: t.code }, cursor: (d) => d?.codeFeeds?.pageInfo?.endCursor },
    { name: 'anomalies of a department', query: anomalies, variables: { d: t.department }, cursor: (d) => d?.anomalies?.pageInfo?.endCursor },
  ];
}
