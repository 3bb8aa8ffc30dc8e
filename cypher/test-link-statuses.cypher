// Tests (tests/integration/derived-properties.test.ts): every BOOKED_UNDER's status, counted money
// and reason, by element id, so the start-up backfill's statuses are compared with the load's.
MATCH (owner)-[r:BOOKED_UNDER]->(c)
RETURN elementId(r) AS id, owner:ProjectAllocation AS allocation, owner.id AS ownerId, c.code AS code, r.method AS method, r.status AS status, r.countedFen AS countedFen, r.rejectedBecause AS rejectedBecause
ORDER BY id
