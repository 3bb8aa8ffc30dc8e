// The budget units each document covers (DataLoader batch).
UNWIND $keys AS key
MATCH (dep:Department)-[:HAS_UNIT]->(u:BudgetUnit)-[:APPEARS_IN]->(:Document {id: key})
WITH key, u, dep ORDER BY u.isSelf DESC, u.name
RETURN key, u {.*, departmentId: dep.id} AS value
