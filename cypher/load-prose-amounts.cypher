// Amounts the prose states (正文金额), each linked to the table fact it restates when the plan
// found one (src/load/restatements.ts decides; this statement only writes).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
// A row: the values the amount stores, the fact it restates apart (src/load/sent-rows.ts).
UNWIND doc.rows AS row
CREATE (p:ProseAmount)
SET p = row.values, p.documentId = doc.documentId
CREATE (p)-[:IN_DOCUMENT]->(d)
WITH p, row
WHERE row.restates IS NOT NULL
CALL (row) {
  MATCH (f:BudgetLine {id: row.restates}) WHERE row.restatesKind = 'BudgetLine' RETURN f AS fact
  UNION
  MATCH (f:TableTotal {id: row.restates}) WHERE row.restatesKind = 'TableTotal' RETURN f AS fact
  UNION
  MATCH (f:Figure {id: row.restates}) WHERE row.restatesKind = 'Figure' RETURN f AS fact
  UNION
  MATCH (f:ThreeCosts {id: row.restates}) WHERE row.restatesKind = 'ThreeCosts' RETURN f AS fact
  UNION
  MATCH (f:ProjectAllocation {id: row.restates}) WHERE row.restatesKind = 'ProjectAllocation' RETURN f AS fact
}
CREATE (p)-[:RESTATES {rule: row.restateRule}]->(fact)
