// Every budget line printed for each code, across documents and years (DataLoader batch). A line
// printed for the department as a whole has no unit (unitId null).
UNWIND $keys AS key
MATCH (c:Code {key: key})<-[:OF_CODE]-(l:BudgetLine)
OPTIONAL MATCH (l)-[:FOR_UNIT]->(u:BudgetUnit)
WITH key, l, u ORDER BY l.year, l.documentId, l.srcLine
RETURN key, l {.*, unitId: u.id, _unit: u {.*}} AS value
