// Project listings by id (DataLoader batch; node(id) refetch), with the allocation each lists.
UNWIND $keys AS key
MATCH (l:ProjectListing {id: key})-[:LISTS]->(a:ProjectAllocation)
RETURN key, l {.*, allocationId: a.id} AS value
