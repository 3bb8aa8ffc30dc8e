// Figures by id (DataLoader batch; node(id) refetch).
UNWIND $keys AS key
MATCH (f:Figure {id: key})
RETURN key, f {.*} AS value
