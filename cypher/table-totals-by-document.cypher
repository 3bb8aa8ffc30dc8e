// Each document's 合计 rows in print order (DataLoader batch).
UNWIND $keys AS key
MATCH (t:TableTotal {documentId: key})
WITH key, t ORDER BY t.srcLine
RETURN key, t {.*} AS value
