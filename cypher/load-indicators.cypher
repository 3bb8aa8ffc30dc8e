// Performance indicators (绩效指标), owned by a project allocation, by an investment project
// (its form's indicators, when it reports on no project of the document) or by the document (整体).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (i:Indicator)
SET i = row, i.documentId = doc.documentId
REMOVE i.ownerAllocationId, i.ownerInvestmentId
CREATE (i)-[:IN_DOCUMENT]->(d)
WITH i, row
CALL (i, row) {
  MATCH (a:ProjectAllocation {id: row.ownerAllocationId})
  CREATE (i)-[:MEASURES]->(a)
}
CALL (i, row) {
  MATCH (ip:InvestmentProject {id: row.ownerInvestmentId})
  CREATE (i)-[:MEASURES]->(ip)
}
