// Start-up (src/load/link-keys.ts): how many BOOKED_UNDER links lack what a graph loaded by an
// older version lacks: their status (documents loaded before statuses were decided at load, and
// not presented since, e.g. uploads: `statuses`), and the copies of their ends' keys (r.code,
// r.ownerId) that the index booked_under_code_owner reads (`n`). One pass over the links for both.
// Only missing ones: a link's ends never change (an allocation's id, a code's code), so a copy once
// written stays right, and a status once given is the load's. Read without locks: zero and zero,
// the usual answer, writes nothing.
MATCH ()-[r:BOOKED_UNDER]->()
WHERE r.code IS NULL OR r.ownerId IS NULL OR r.status IS NULL
RETURN count(CASE WHEN r.code IS NULL OR r.ownerId IS NULL THEN 1 END) AS n,
       count(CASE WHEN r.status IS NULL THEN 1 END) AS statuses
