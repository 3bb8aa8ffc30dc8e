// Tests only (tests/integration/code-feeds-default.test.ts): sets the method of $ownerId's COUNTED
// link to code $code ($method null: a link without one, which the load never writes), and back.
MATCH ()-[r:BOOKED_UNDER]->()
WHERE r.code = $code AND r.ownerId = $ownerId AND r.status = 'COUNTED'
SET r.method = $method
RETURN count(r) AS set
