// Codes an investment project is booked under by its own amounts (DataLoader batch).
UNWIND $keys AS key
MATCH (:InvestmentProject {id: key})-[r:BOOKED_UNDER]->(c:Code)
RETURN key, {allocationId: null, codeKey: c.key, code: c.code, name: c.name, method: r.method, note: r.note, status: r.status, rejectedBecause: r.rejectedBecause, evidence: r.evidence} AS value
