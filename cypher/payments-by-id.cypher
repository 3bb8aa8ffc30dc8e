// Payment rows by id (DataLoader batch; node(id) refetch).
UNWIND $keys AS key
MATCH (p:Payment {id: key})
RETURN key, p {.*} AS value
