// Anomalies by id (DataLoader batch; node(id) refetch).
UNWIND $keys AS key
MATCH (a:Anomaly {id: key})
RETURN key, a {.*} AS value
