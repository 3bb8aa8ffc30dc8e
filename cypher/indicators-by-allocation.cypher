// Each allocation's performance indicators (DataLoader batch).
UNWIND $keys AS key
MATCH (i:Indicator)-[:MEASURES]->(:ProjectAllocation {id: key})
WITH key, i ORDER BY i.srcLine
RETURN key, i {.*, allocationId: key} AS value
