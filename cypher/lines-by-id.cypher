// Budget lines by id (DataLoader batch; node(id) refetch). A line printed for the department as a
// whole has no unit (unitId null).
UNWIND $keys AS key
MATCH (l:BudgetLine {id: key})
OPTIONAL MATCH (l)-[:FOR_UNIT]->(u:BudgetUnit)
RETURN key, l {.*, unitId: u.id, _unit: u {.*}} AS value
