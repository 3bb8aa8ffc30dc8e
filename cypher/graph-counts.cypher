// Node counts per label and relationship counts per type (tests and the load report).
CALL () {
  MATCH (n) WHERE NOT n:GraphState UNWIND labels(n) AS label RETURN 'node' AS kind, label AS name, count(*) AS n
  UNION ALL
  MATCH ()-[r]->() RETURN 'rel' AS kind, type(r) AS name, count(*) AS n
}
RETURN kind, name, n ORDER BY kind, name
