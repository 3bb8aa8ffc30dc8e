// Full-text search (CJK analyzer) over names, codes and 国家编码, plus code prefixes:
// a query of digits also finds every classification code and investment code starting with it.
CALL {
  // Bounded inside the index: a common word must not drag every matching node through the sort.
  CALL db.index.fulltext.queryNodes('search_names', $query, {limit: $limit * 3}) YIELD node, score
  RETURN node, score
  UNION
  MATCH (node:Code) WHERE $prefix IS NOT NULL AND node.code STARTS WITH $prefix
  RETURN node, 100.0 / size(node.code) AS score
  UNION
  MATCH (node:InvestmentProject) WHERE $prefix IS NOT NULL AND node.code STARTS WITH $prefix
  RETURN node, 50.0 AS score
}
// An exact name (or code) match outranks partial ones.
WITH node, max(score) + CASE WHEN node.name = $raw OR node.code = $raw THEN 50.0 ELSE 0.0 END AS score
ORDER BY score DESC, size(coalesce(node.name, node.title, '')) ASC
LIMIT $limit
RETURN {elementId: elementId(node), labels: labels(node), props: properties(node)} AS node, score
