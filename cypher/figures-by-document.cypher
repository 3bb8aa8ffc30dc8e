// Each document's figures (表内数字) in print order (DataLoader batch).
UNWIND $keys AS key
MATCH (f:Figure {documentId: key})
WITH key, f ORDER BY f.srcLine, f.id
RETURN key, f {.*} AS value
