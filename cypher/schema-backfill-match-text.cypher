// Start-up (src/db/schema.ts): a graph loaded by a version before matchText, or one whose aliases
// an older version changed, gets each department's matchText written as the load writes it. A
// department whose matchText is already right is left as it was; the count is of those changed.
// One transaction: departments are few (1,667 on 10,000 generated documents; 2.0 s measured).
MATCH (dep:Department)
WITH dep, dep.matchText AS was
// @include department-match-text-set
WITH dep, was WHERE was IS NULL OR was <> dep.matchText
RETURN count(dep) AS changed
