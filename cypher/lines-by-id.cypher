// Budget lines by id (DataLoader batch; node(id) refetch).
UNWIND $keys AS key
MATCH (l:BudgetLine {id: key})-[:FOR_UNIT]->(u:BudgetUnit)
RETURN key, l {.*, unitId: u.id, _unit: u {.*}} AS value
