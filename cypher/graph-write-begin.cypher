// A write is about to commit (src/db/consistency.ts): `begun` counts it before its commit is
// applied, so a reader whose questions overlap the commit sees the count move (or begun ≠ done)
// and reads again. Run in its own transaction just before the write's COMMIT, never inside it.
// A count a writer left unbalanced (its process or the database died between begin and end) is
// balanced first once it is older than $staleSeconds: no commit takes that long to apply.
MERGE (g:GraphState {id: 'graph'})
  ON CREATE SET g.begun = 0, g.done = 0, g.begunAt = datetime()
WITH g
SET g.done = CASE WHEN g.done < g.begun AND g.begunAt < datetime() - duration({seconds: $staleSeconds}) THEN g.begun ELSE g.done END
SET g.begun = g.begun + 1, g.begunAt = datetime()
RETURN g.begun AS begun
