// Each allocation's 功能分类 code links with method and evidence (DataLoader batch).
// Ordered in TypeScript (src/query/rows.ts codeLinks): counted first, then by the model's link rank.
UNWIND $keys AS key
MATCH (:ProjectAllocation {id: key})-[r:BOOKED_UNDER]->(c:Code)
RETURN key, {allocationId: key, codeKey: c.key, code: c.code, name: c.name, method: r.method, note: r.note, status: r.status, rejectedBecause: r.rejectedBecause, evidence: r.evidence} AS value
