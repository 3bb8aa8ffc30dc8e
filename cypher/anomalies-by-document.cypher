// Each document's anomalies (DataLoader batch).
UNWIND $keys AS key
MATCH (a:Anomaly {documentId: key})
WITH key, a ORDER BY CASE a.severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, a.id
RETURN key, a {.*} AS value
