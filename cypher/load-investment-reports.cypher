// Investment project → the allocation it reports on, with the matching rule, score and the two
// lines compared (src/load/investment-reports.ts).
UNWIND $rows AS row
MATCH (ip:InvestmentProject {id: row.investmentId})
MATCH (a:ProjectAllocation {id: row.allocationId})
CREATE (ip)-[:REPORTS_ON {rule: row.rule, score: row.score, evidence: row.evidence}]->(a)
