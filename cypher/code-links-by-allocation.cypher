// Each allocation's 功能分类 code links with method and evidence (DataLoader batch).
// DIRECT first: a printed code outranks an inferred one.
UNWIND $keys AS key
MATCH (:ProjectAllocation {id: key})-[r:BOOKED_UNDER]->(c:Code)
WITH key, r, c ORDER BY CASE r.method WHEN 'DIRECT' THEN 0 WHEN 'RECONCILED' THEN 1 ELSE 2 END, c.code
RETURN key, {allocationId: key, codeKey: c.key, code: c.code, name: c.name, method: r.method, note: r.note, evidence: r.evidence} AS value
