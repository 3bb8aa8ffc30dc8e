// Self-evaluations (绩效自评): budget, executed, rate, from the forms and the summaries.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (e:SelfEvaluation)
SET e = row, e.documentId = doc.documentId
REMOVE e.allocationId
CREATE (e)-[:IN_DOCUMENT]->(d)
WITH e, row
OPTIONAL MATCH (a:ProjectAllocation {id: row.allocationId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (e)-[:EVALUATES]->(a))
