// Each investment project's performance indicators, from its form (DataLoader batch).
UNWIND $keys AS key
MATCH (i:Indicator)-[:MEASURES]->(:InvestmentProject {id: key})
OPTIONAL MATCH (i)-[:MEASURES]->(a:ProjectAllocation)
WITH key, i, a ORDER BY i.srcLine
RETURN key, i {.*, allocationId: a.id} AS value
