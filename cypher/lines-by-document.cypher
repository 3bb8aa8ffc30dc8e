// Budget lines of each document in one scheme, in the order the document prints them
// (DataLoader batch; key = documentId + '|' + scheme). A line printed for the department as a
// whole has no unit (unitId null).
UNWIND $keys AS key
WITH key, split(key, '|')[0] AS documentId, split(key, '|')[1] AS scheme
MATCH (l:BudgetLine {documentId: documentId})
WHERE l.scheme = scheme
OPTIONAL MATCH (l)-[:FOR_UNIT]->(u:BudgetUnit)
WITH key, l, u ORDER BY l.srcLine
RETURN key, l {.*, unitId: u.id, _unit: u {.*}} AS value
