// Each document's project allocations, in print order (DataLoader batch).
UNWIND $keys AS key
MATCH (a:ProjectAllocation {documentId: key})-[:ALLOCATES]->(p:Project)
MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
WITH key, a, p, u ORDER BY a.srcLine
RETURN key, a {.*, projectId: p.id, unitId: u.id} AS value
