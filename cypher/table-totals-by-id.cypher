// Total rows by id (DataLoader batch; node(id) refetch).
UNWIND $keys AS key
MATCH (t:TableTotal {id: key})
RETURN key, t {.*} AS value
