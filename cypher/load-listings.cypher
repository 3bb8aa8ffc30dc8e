// Each place the document lists a project (table or prose), with its own amount and source.
// A row: the values the listing stores, the allocation it lists apart (src/load/sent-rows.ts).
UNWIND $rows AS row
MATCH (a:ProjectAllocation {id: row.allocationId})
CREATE (l:ProjectListing)
SET l = row.values
CREATE (l)-[:LISTS]->(a)
