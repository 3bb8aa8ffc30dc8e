// Start-up backfill (src/load/link-keys.ts), first of two statements in one write transaction:
// the codes whose links lack r.code / r.ownerId, taken while their links number under $batch
// (one code at least), are locked (their code written with itself: a write lock, no change).
// Another process backfilling at the same time waits here for the same codes, and then finds their
// links written (load-write-link-keys reads after the lock): the links are written once.
MATCH (c:Code)
WITH c, COUNT { (c)<-[r:BOOKED_UNDER]-() WHERE r.code IS NULL OR r.ownerId IS NULL } AS n
WHERE n > 0
WITH collect({c: c, n: n}) AS todo
UNWIND range(0, size(todo) - 1) AS i
WITH todo[i] AS it, reduce(s = 0, j IN range(0, i - 1) | s + todo[j].n) AS before
WHERE before < $batch
WITH it.c AS c
SET c.code = c.code
RETURN collect(c.key) AS codes
