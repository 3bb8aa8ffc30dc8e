// Performance indicators (绩效指标), owned by a project allocation or by the document (整体).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (i:Indicator)
SET i = row, i.documentId = $documentId
REMOVE i.ownerAllocationId
CREATE (i)-[:IN_DOCUMENT]->(d)
WITH i, row WHERE row.ownerAllocationId IS NOT NULL
MATCH (a:ProjectAllocation {id: row.ownerAllocationId})
CREATE (i)-[:MEASURES]->(a)
