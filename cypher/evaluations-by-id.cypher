// Self-evaluations by id (DataLoader batch; node(id) refetch), with the allocation they evaluate.
UNWIND $keys AS key
MATCH (e:SelfEvaluation {id: key})
OPTIONAL MATCH (e)-[:EVALUATES]->(a:ProjectAllocation)
RETURN key, e {.*, allocationId: a.id} AS value
