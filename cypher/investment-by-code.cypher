// Every report of one investment project by its 国家编码, newest year first.
MATCH (ip:InvestmentProject {code: $code})
WITH ip ORDER BY ip.year DESC, ip.documentId
RETURN ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]} AS value
