// How many nodes of each kind a search text finds (counted up to 1,000 matches of the index, plus
// code prefixes), for grouping suggestions by kind.
CALL {
  CALL db.index.fulltext.queryNodes('search_names', $query, {limit: 1000}) YIELD node
  RETURN node
  UNION
  MATCH (node:Code) WHERE $prefix IS NOT NULL AND node.code STARTS WITH $prefix
  RETURN node
  UNION
  MATCH (node:InvestmentProject) WHERE $prefix IS NOT NULL AND node.code STARTS WITH $prefix
  RETURN node
}
WITH [l IN labels(node) WHERE l <> 'Code'][0] AS kind, count(*) AS n
RETURN kind, n ORDER BY n DESC, kind
