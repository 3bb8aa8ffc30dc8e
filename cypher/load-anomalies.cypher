// Anomalies found by the parser, linked to the facts on the lines they cite.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (a:Anomaly)
SET a = row, a.documentId = $documentId
REMOVE a.lines
CREATE (a)-[:IN_DOCUMENT]->(d)
WITH a, row, d
OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(fact)
WHERE (fact:BudgetLine OR fact:ProjectAllocation OR fact:ThreeCosts OR fact:SelfEvaluation OR fact:InvestmentProject OR fact:TableTotal OR fact:Figure OR fact:ProseAmount OR fact:Payment)
  AND fact.srcLine IN row.lines
FOREACH (_ IN CASE WHEN fact IS NULL THEN [] ELSE [1] END | MERGE (a)-[:CONCERNS]->(fact))
