// 三公经费 records by id (DataLoader batch; node(id) refetch).
UNWIND $keys AS key
MATCH (t:ThreeCosts {id: key})
RETURN key, t {.*} AS value
