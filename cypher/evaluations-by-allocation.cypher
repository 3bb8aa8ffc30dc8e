// Each allocation's self-evaluations (DataLoader batch).
UNWIND $keys AS key
MATCH (e:SelfEvaluation)-[:EVALUATES]->(:ProjectAllocation {id: key})
WITH key, e ORDER BY e.srcLine
RETURN key, e {.*, allocationId: key} AS value
