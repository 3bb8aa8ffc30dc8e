// Performance indicators by id (DataLoader batch; node(id) refetch), with the allocation they measure.
UNWIND $keys AS key
MATCH (i:Indicator {id: key})
OPTIONAL MATCH (i)-[:MEASURES]->(a:ProjectAllocation)
RETURN key, i {.*, allocationId: a.id} AS value
