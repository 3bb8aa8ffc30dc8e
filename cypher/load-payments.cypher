// Payments a 项目支出明细表 lists (支付明细), each tied to the project allocation of the project
// the table's title names, when the plan found it (src/load/plan.ts decides).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (p:Payment)
SET p = row, p.documentId = $documentId
REMOVE p.allocationId
CREATE (p)-[:IN_DOCUMENT]->(d)
WITH p, row
MATCH (a:ProjectAllocation {id: row.allocationId})
CREATE (p)-[:PAYS_FOR]->(a)
