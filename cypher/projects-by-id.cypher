// Projects by id (DataLoader batch).
UNWIND $keys AS key
MATCH (dep:Department)-[:RUNS]->(p:Project {id: key})
RETURN key, p {.*, departmentId: dep.id} AS value
