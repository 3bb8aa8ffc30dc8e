// Anomalies found by the parser and the loader, linked to the facts they concern (the facts of
// this document printed on the lines the anomaly cites, decided in src/load/plan/facts.ts).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (a:Anomaly)
SET a = row, a.documentId = $documentId
REMOVE a.concerns
CREATE (a)-[:IN_DOCUMENT]->(d)
WITH a, row, d
UNWIND row.concerns AS factId
MATCH (d)<-[:IN_DOCUMENT]-(fact {id: factId})
MERGE (a)-[:CONCERNS]->(fact)
