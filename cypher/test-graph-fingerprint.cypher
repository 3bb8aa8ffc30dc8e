// Tests only: every node (labels, properties) and relationship (type, ends' keys, properties),
// to compare the graph before and after a load and its removal.
CALL () {
  MATCH (n) WHERE NOT n:GraphState
  RETURN collect({labels: labels(n), props: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect({type: type(r), from: coalesce(a.id, a.key, a.file), to: coalesce(b.id, b.key, b.file), props: properties(r)}) AS relationships
}
RETURN nodes, relationships
