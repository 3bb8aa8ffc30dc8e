// Each department's budget units (DataLoader batch).
UNWIND $keys AS key
MATCH (dep:Department {id: key})-[:HAS_UNIT]->(u:BudgetUnit)
WITH key, u, dep ORDER BY u.isSelf DESC, u.name
RETURN key, u {.*, departmentId: dep.id} AS value
