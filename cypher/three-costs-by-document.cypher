// Each document's "三公" figures, table and prose (DataLoader batch).
UNWIND $keys AS key
MATCH (t:ThreeCosts {documentId: key})
WITH key, t ORDER BY t.origin DESC, t.srcLine
RETURN key, t {.*} AS value
