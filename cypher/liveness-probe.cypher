// The liveness probe (src/db/liveness.ts): the cheapest statement the server must still answer.
// It reads nothing, so only a database that does not answer at all (a stopped JVM, a frozen host)
// misses it, never a busy one.
RETURN 1 AS ok
