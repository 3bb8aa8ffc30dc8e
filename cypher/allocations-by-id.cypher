// Project allocations by id (DataLoader batch).
UNWIND $keys AS key
MATCH (a:ProjectAllocation {id: key})-[:ALLOCATES]->(p:Project)
// An allocation of the department as a whole has no unit (unitId null).
OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
RETURN key, a {.*, projectId: p.id, unitId: u.id, _unit: u {.*}, _project: p {.*}} AS value
