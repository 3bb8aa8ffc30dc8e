// Investment projects by id (DataLoader batch; node(id) refetch).
UNWIND $keys AS key
MATCH (ip:InvestmentProject {id: key})
RETURN key, ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]} AS value
