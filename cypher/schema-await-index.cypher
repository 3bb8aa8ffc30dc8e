// Waits for one index of ours that is still POPULATING to come ONLINE, at most $seconds. One at a
// time and by name: db.awaitIndexes would also wait on indexes that are not ours.
CALL db.awaitIndex($name, $seconds)
