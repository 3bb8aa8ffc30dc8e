// Government investment projects (政府投资项目) as reported in this document.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (ip:InvestmentProject)
SET ip = row, ip.documentId = $documentId
CREATE (ip)-[:IN_DOCUMENT]->(d)
WITH ip
MATCH (a:ProjectAllocation {documentId: $documentId})
WHERE a.normName = ip.normName
CREATE (ip)-[:REPORTS_ON]->(a)
