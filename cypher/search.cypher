// Full-text search (CJK analyzer) over names, codes and 国家编码, plus code prefixes:
// a query of digits also finds every classification code and investment code starting with it.
CALL {
  // Bounded inside the index: a common word must not drag every matching node through the sort.
  CALL db.index.fulltext.queryNodes('search_names', $query, {limit: $limit * 10}) YIELD node, score
  RETURN node, score
  UNION
  MATCH (node:Code) WHERE $prefix IS NOT NULL AND node.code STARTS WITH $prefix
  RETURN node, 100.0 / size(node.code) AS score
  UNION
  MATCH (node:InvestmentProject) WHERE $prefix IS NOT NULL AND node.code STARTS WITH $prefix
  RETURN node, 50.0 AS score
}
// What a user most likely means comes first: an exact name, code or alias; then departments and
// units; then classification codes; then projects; then the rest (investment projects,
// documents). Within a tier, the index's score, then the shorter name and the key.
WITH node, max(score) AS score
// exact is true or false, never null (a node without a name or code): DESC puts null first.
WITH node, score,
     CASE WHEN node.name = $raw OR node.code = $raw OR $raw IN coalesce(node.aliases, []) THEN true ELSE false END AS exact,
     CASE WHEN node:Department OR node:BudgetUnit THEN 1 WHEN node:Code THEN 2 WHEN node:Project THEN 3 ELSE 4 END AS kindRank
// Exact matches by kind too: one name printed for a department, a code and a project is the same
// match for each, and the index's score between them says only how many of a node's fields repeat
// the name (a project's name and searchText, a code's name and searchText), which a load can
// change. Then by key: one order on every load.
ORDER BY exact DESC, kindRank, score DESC, size(coalesce(node.name, node.title, '')) ASC, coalesce(node.key, node.id)
LIMIT $limit
RETURN {elementId: elementId(node), labels: labels(node), props: properties(node)} AS node, score
