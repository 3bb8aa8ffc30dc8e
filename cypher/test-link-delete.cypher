// Tests only (tests/integration/code-feeds-default.test.ts): removes the link test-link-duplicate made.
MATCH ()-[r:BOOKED_UNDER]->()
WHERE elementId(r) = $id
DELETE r
RETURN count(*) AS deleted
