// Each project's allocations across documents, oldest year first (DataLoader batch).
UNWIND $keys AS key
MATCH (a:ProjectAllocation)-[:ALLOCATES]->(p:Project {id: key})
MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
WITH key, a, p, u ORDER BY a.year, a.documentId
RETURN key, a {.*, projectId: p.id, unitId: u.id} AS value
