// Every budget line printed for each code, across documents and years (DataLoader batch).
UNWIND $keys AS key
MATCH (c:Code {key: key})<-[:OF_CODE]-(l:BudgetLine)-[:FOR_UNIT]->(u:BudgetUnit)
WITH key, l, u ORDER BY l.year, l.documentId, l.srcLine
RETURN key, l {.*, unitId: u.id, _unit: u {.*}} AS value
