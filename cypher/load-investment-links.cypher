// Investment project → the 功能分类 code its money was booked under, proved by amounts.
UNWIND $rows AS row
MATCH (ip:InvestmentProject {id: row.investmentId})
MATCH (c:FunctionCode {code: row.code})
CREATE (ip)-[:BOOKED_UNDER {method: row.method, note: row.note, evidence: row.evidence}]->(c)
