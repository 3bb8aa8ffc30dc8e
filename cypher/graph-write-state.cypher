// Read before and after a request's questions (src/db/consistency.ts): unchanged and balanced
// means no write committed in between. `stale`: the last begin is older than $staleSeconds, so an
// unbalanced count is a writer that died, not a commit still being applied.
OPTIONAL MATCH (g:GraphState {id: 'graph'})
RETURN coalesce(g.begun, 0) AS begun, coalesce(g.done, 0) AS done,
       coalesce(g.begunAt < datetime() - duration({seconds: $staleSeconds}), true) AS stale
