// Investment project → the 功能分类 code its money was booked under, proved by amounts.
UNWIND $rows AS row
MATCH (ip:InvestmentProject {id: row.investmentId})
MATCH (c:FunctionCode {code: row.code})
// An investment project has one link each: it is counted, at its year's completed investment.
// code and ownerId copy the link's ends for the index booked_under_code_owner (as load-code-links).
CREATE (ip)-[:BOOKED_UNDER {method: row.method, note: row.note, evidence: row.evidence, status: 'COUNTED', countedFen: ip.completedInYearFen,
                            code: c.code, ownerId: ip.id}]->(c)
