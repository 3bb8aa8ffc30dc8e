// Project → 功能分类 code links with their method (DIRECT / NAMED / RECONCILED / SPLIT), evidence,
// when only part of the project's money is booked on the line that part (amountFen), and the
// status the strength rule gave it (COUNTED with the money it counts, SUPPORTING, REJECTED with why).
UNWIND $rows AS row
MATCH (a:ProjectAllocation {id: row.allocationId})
MERGE (c:Code {key: 'FunctionCode:' + row.code})
  ON CREATE SET c.code = row.code, c.scheme = 'FunctionCode', c.namesByYear = []
SET c:FunctionCode
// code and ownerId copy the link's ends, so the index booked_under_code_owner gives a code's links
// in their owner's order (cypher/code-feeds-default-page.cypher): a page without expanding them all.
CREATE (a)-[:BOOKED_UNDER {method: row.method, note: row.note, evidence: row.evidence, amountFen: row.amountFen,
                           status: row.status, rejectedBecause: row.rejectedBecause, countedFen: row.countedFen,
                           code: c.code, ownerId: a.id}]->(c)
