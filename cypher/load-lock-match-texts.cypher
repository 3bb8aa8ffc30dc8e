// Start-up backfill, first of two statements in one write transaction (src/load/loader.ts
// backfillDerived): the departments whose matchText is missing or wrong are locked (their
// matchText cleared) before it is computed, so that a load of another process changing their
// aliases meanwhile is waited for and its aliases are the ones read (load-refresh-match-texts):
// computed in one statement, the value would be taken from the aliases read before the lock.
MATCH (dep:Department)
WHERE dep.matchText IS NULL OR dep.matchText <>
// @include department-match-text
SET dep.matchText = null
RETURN count(dep) AS locked
