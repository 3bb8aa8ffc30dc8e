// Budget units by id (DataLoader batch).
UNWIND $keys AS key
MATCH (dep:Department)-[:HAS_UNIT]->(u:BudgetUnit {id: key})
RETURN key, u {.*, departmentId: dep.id} AS value
