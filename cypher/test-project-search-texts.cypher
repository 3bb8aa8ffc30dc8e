// Tests (tests/integration/derived-properties.test.ts): each project's stored names and searchText
// beside the names its allocations were printed under (read from the allocations, not from p.names,
// which the same SET writes: a name lost there would be missing from both).
MATCH (p:Project)
RETURN p.id AS id, p.names AS names, p.searchText AS searchText,
       COLLECT { MATCH (a:ProjectAllocation)-[:ALLOCATES]->(p) RETURN DISTINCT a.name } AS printed
ORDER BY id
