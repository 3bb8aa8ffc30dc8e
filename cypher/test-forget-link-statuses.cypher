// Tests: makes every BOOKED_UNDER look written by a version before link statuses (d09e7b1): no
// status, counted money, reason, nor the copies of its ends' keys (the start-up backfill's case).
MATCH ()-[r:BOOKED_UNDER]->()
REMOVE r.status, r.countedFen, r.rejectedBecause, r.code, r.ownerId
RETURN count(r) AS links
