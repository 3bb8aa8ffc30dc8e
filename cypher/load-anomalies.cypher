// Anomalies found by the parser and the loader, linked to the facts they concern (the facts of
// this document printed on the lines the anomaly cites, decided in src/load/plan/facts.ts). Each
// fact is found by its label's id index ($rows' concerns and concernLabels, side by side): matched
// among every fact of the document instead, 15,000 anomalies of a 10,000-row table took past the
// transaction's timeout (issue 35).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (a:Anomaly)
SET a = row, a.documentId = doc.documentId
REMOVE a.concerns, a.concernLabels
CREATE (a)-[:IN_DOCUMENT]->(d)
WITH a, row
UNWIND range(0, size(row.concerns) - 1) AS k
WITH a, row.concerns[k] AS factId, row.concernLabels[k] AS label
CALL (factId, label) {
  WITH * WHERE label = 'BudgetLine' MATCH (f:BudgetLine {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'ProjectAllocation' MATCH (f:ProjectAllocation {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'ThreeCosts' MATCH (f:ThreeCosts {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'SelfEvaluation' MATCH (f:SelfEvaluation {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'InvestmentProject' MATCH (f:InvestmentProject {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'TableTotal' MATCH (f:TableTotal {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'Figure' MATCH (f:Figure {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'ProseAmount' MATCH (f:ProseAmount {id: factId}) RETURN f AS fact
  UNION
  WITH * WHERE label = 'Payment' MATCH (f:Payment {id: factId}) RETURN f AS fact
}
CREATE (a)-[:CONCERNS]->(fact)
