// Every place a document lists each allocation's project (DataLoader batch).
UNWIND $keys AS key
MATCH (l:ProjectListing)-[:LISTS]->(:ProjectAllocation {id: key})
WITH key, l ORDER BY l.srcLine
RETURN key, l {.*, allocationId: key} AS value
