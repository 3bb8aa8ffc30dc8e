// Start-up backfill, second statement (after load-lock-match-texts, same transaction): every
// department without a matchText gets it, from its aliases as they are now that it is locked.
MATCH (dep:Department) WHERE dep.matchText IS NULL
// @include department-match-text-set
RETURN count(dep) AS written
