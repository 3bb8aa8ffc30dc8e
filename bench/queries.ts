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
