// Warm-up (src/db/warm-up.ts): every node and relationship read once with all its properties, long
// strings included, so their store pages are in Neo4j's page cache before the first request
// needs them; a restarted JVM starts with that cache empty.
CALL () {
  MATCH (n)
  RETURN count(n) AS nodes, sum(size(keys(properties(n)))) AS nodeProperties
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships, sum(size(keys(properties(r)))) AS relationshipProperties
}
RETURN nodes, nodeProperties, relationships, relationshipProperties
