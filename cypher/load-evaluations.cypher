// Self-evaluations (绩效自评): budget, executed, rate, from the forms and the summaries.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (e:SelfEvaluation)
SET e = row, e.documentId = $documentId
REMOVE e.allocationId
CREATE (e)-[:IN_DOCUMENT]->(d)
WITH e, row
OPTIONAL MATCH (a:ProjectAllocation {id: row.allocationId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (e)-[:EVALUATES]->(a))
