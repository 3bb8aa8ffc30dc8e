// Each document's department-wide (整体) indicators: those measuring no project (DataLoader batch).
UNWIND $keys AS key
MATCH (i:Indicator {documentId: key})
WHERE NOT (i)-[:MEASURES]->()
WITH key, i ORDER BY i.srcLine
RETURN key, i {.*, allocationId: null} AS value
