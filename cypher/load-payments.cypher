// Payments a 项目支出明细表 lists (支付明细), each tied to the project allocation of the project
// the table's title names, when the plan found it (src/load/plan.ts decides).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (p:Payment)
SET p = row, p.documentId = doc.documentId
REMOVE p.allocationId
CREATE (p)-[:IN_DOCUMENT]->(d)
WITH p, row
MATCH (a:ProjectAllocation {id: row.allocationId})
CREATE (p)-[:PAYS_FOR]->(a)
