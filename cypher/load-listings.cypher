// Each place the document lists a project (table or prose), with its own amount and source.
UNWIND $rows AS row
MATCH (a:ProjectAllocation {id: row.allocationId})
CREATE (l:ProjectListing)
SET l = row
REMOVE l.allocationId
CREATE (l)-[:LISTS]->(a)
