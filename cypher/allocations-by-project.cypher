// Each project's allocations across documents, oldest year first (DataLoader batch).
UNWIND $keys AS key
MATCH (a:ProjectAllocation)-[:ALLOCATES]->(p:Project {id: key})
// An allocation of the department as a whole has no unit (unitId null).
OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
WITH key, a, p, u ORDER BY a.year, a.documentId
RETURN key, a {.*, projectId: p.id, unitId: u.id, _unit: u {.*}, _project: p {.*},
         _links: [(a)-[r:BOOKED_UNDER]->(c:Code) | {allocationId: a.id, codeKey: c.key, code: c.code, name: c.name, method: r.method, note: r.note, status: r.status, rejectedBecause: r.rejectedBecause, evidence: r.evidence}]} AS value
