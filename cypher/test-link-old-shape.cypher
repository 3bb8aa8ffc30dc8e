// Tests (tests/integration/derived-properties.test.ts): a NAMED link from allocation $ownerId to
// code $code as the load wrote one before d09e7b1: method, note and evidence, no status, no counted
// money, no copies of its ends' keys. Its element id, for test-link-delete.
MATCH (a:ProjectAllocation {id: $ownerId})
MATCH (c:FunctionCode {code: $code})
CREATE (a)-[r:BOOKED_UNDER {method: 'NAMED', note: 'written by hand in the old shape', evidence: []}]->(c)
RETURN elementId(r) AS id
