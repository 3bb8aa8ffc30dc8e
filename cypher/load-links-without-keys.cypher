// Start-up (src/load/link-keys.ts): how many BOOKED_UNDER links lack the copies of their ends'
// keys (r.code, r.ownerId) that the index booked_under_code_owner reads (a graph loaded by an
// older version). Only missing ones: a link's ends never change (an allocation's id, a code's
// code), so a copy once written stays right. Read without locks: zero, the usual answer, writes
// nothing.
MATCH ()-[r:BOOKED_UNDER]->()
WHERE r.code IS NULL OR r.ownerId IS NULL
RETURN count(r) AS n
