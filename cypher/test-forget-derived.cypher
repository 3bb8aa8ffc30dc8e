// Tests: makes the graph look loaded by a version before matchText (the start-up backfill's case).
MATCH (dep:Department)
REMOVE dep.matchText
RETURN count(dep) AS forgotten
