// Budget lines of each document in one scheme, in the order the document prints them
// (DataLoader batch; key = documentId + '|' + scheme).
UNWIND $keys AS key
WITH key, split(key, '|')[0] AS documentId, split(key, '|')[1] AS scheme
MATCH (l:BudgetLine {documentId: documentId})-[:FOR_UNIT]->(u:BudgetUnit)
WHERE l.scheme = scheme
WITH key, l, u ORDER BY l.srcLine
RETURN key, l {.*, unitId: u.id, _unit: u {.*}} AS value
