// Tests: makes the graph look loaded by a version before matchText and the links' code and
// ownerId (the start-up backfill's case).
CALL () {
  MATCH ()-[r:BOOKED_UNDER]->()
  REMOVE r.code, r.ownerId
  RETURN count(r) AS links
}
MATCH (dep:Department)
REMOVE dep.matchText
RETURN count(dep) AS forgotten, links
