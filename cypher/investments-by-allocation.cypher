// Investment projects (政府投资项目) reporting on each allocation (DataLoader batch).
UNWIND $keys AS key
MATCH (ip:InvestmentProject)-[:REPORTS_ON]->(:ProjectAllocation {id: key})
WITH key, ip ORDER BY ip.srcLine
RETURN key, ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]} AS value
