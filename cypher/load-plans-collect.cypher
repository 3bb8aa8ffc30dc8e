// bench/ingest-profile.ts --plans: Neo4j's data collector records every statement run from now on
// (its text, the plan it ran with, its compile and execution time) until load-plans-stop, so the
// bench can tell how many times each load statement was planned. Bench only.
CALL db.stats.collect('QUERIES')
