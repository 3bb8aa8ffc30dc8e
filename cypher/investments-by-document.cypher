// Each document's investment projects (DataLoader batch).
UNWIND $keys AS key
MATCH (ip:InvestmentProject {documentId: key})
WITH key, ip ORDER BY ip.srcLine
RETURN key, ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]} AS value
