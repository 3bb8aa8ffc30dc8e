// Each department's documents, oldest year first (DataLoader batch).
UNWIND $keys AS key
MATCH (dep:Department {id: key})-[:PUBLISHED]->(d:Document)
WITH key, dep, d ORDER BY d.year, d.file
RETURN key, d {.*, departmentId: dep.id} AS value
