// bench/ingest-profile.ts --plans: the data collector stops recording (load-plans-collect) and its
// records are kept for load-plans-retrieve. Bench only.
CALL db.stats.stop('QUERIES')
