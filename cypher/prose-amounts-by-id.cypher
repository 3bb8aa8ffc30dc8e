// Prose amounts by id (DataLoader batch; node(id) refetch), with the table fact each restates.
UNWIND $keys AS key
MATCH (p:ProseAmount {id: key})
OPTIONAL MATCH (p)-[r:RESTATES]->(f)
RETURN key, p {.*, _restates: CASE WHEN f IS NULL THEN null ELSE {kind: head(labels(f)), id: f.id, rule: r.rule, documentId: f.documentId, srcTable: f.srcTable, srcLine: f.srcLine, srcText: f.srcText} END} AS value
