// Tests only: removes every node but the write counts (src/db/consistency.ts), which a write may
// not lock: each write counts itself in its own transaction while it is still open. Test graphs
// are small enough for one transaction.
MATCH (n) WHERE NOT n:GraphState DETACH DELETE n
