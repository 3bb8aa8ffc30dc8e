// Each document's prose amounts in print order, with the table fact each restates (DataLoader batch).
UNWIND $keys AS key
MATCH (p:ProseAmount {documentId: key})
OPTIONAL MATCH (p)-[r:RESTATES]->(f)
WITH key, p, r, f ORDER BY p.srcLine, p.id
RETURN key, p {.*, _restates: CASE WHEN f IS NULL THEN null ELSE {kind: head(labels(f)), id: f.id, rule: r.rule, documentId: f.documentId, srcTable: f.srcTable, srcLine: f.srcLine, srcText: f.srcText} END} AS value
