// Each document's self-evaluations (DataLoader batch).
UNWIND $keys AS key
MATCH (e:SelfEvaluation {documentId: key})
OPTIONAL MATCH (e)-[:EVALUATES]->(a:ProjectAllocation)
WITH key, e, a ORDER BY e.srcLine
RETURN key, e {.*, allocationId: a.id} AS value
