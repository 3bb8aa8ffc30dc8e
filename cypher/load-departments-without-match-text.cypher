// Start-up (src/load/loader.ts backfillDerived): how many departments lack their matchText or
// hold one their id, name and aliases no longer give (a graph loaded by an older version). Read
// without locks: zero, the usual answer, writes nothing.
MATCH (dep:Department)
WHERE dep.matchText IS NULL OR dep.matchText <>
// @include department-match-text
RETURN count(dep) AS n
