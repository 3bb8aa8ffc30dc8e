// Tests only (tests/integration/code-feeds-default.test.ts): a second COUNTED link from $ownerId's
// owner to code $code with the first's properties, so two rows share one sort key, which the load
// never writes (one counted link an owner and code). Its element id, for test-link-delete.
MATCH (owner)-[r:BOOKED_UNDER]->(c)
WHERE r.code = $code AND r.ownerId = $ownerId AND r.status = 'COUNTED'
WITH owner, r, c LIMIT 1
CREATE (owner)-[copy:BOOKED_UNDER]->(c)
SET copy = properties(r)
RETURN elementId(copy) AS id
