// bench/ingest-profile.ts --plans: what the data collector recorded, one row per statement text and
// plan (a statement planned twice alike, or compiled to two plans, shows as such), with each run's
// compile time: a run that found its plan in the cache compiles in microseconds, one that planned
// in milliseconds. Only the first 300 characters of the text: enough to tell the statements apart.
// The plan (operators and their estimated rows, nested by lhs / rhs) tells a plan that seeks by
// index from one that scans a label. The parameters the collector kept are not returned. Bench only.
CALL db.stats.retrieve('QUERIES', {maxInvocations: $maxInvocations}) YIELD data
RETURN left(data.query, 300) AS query, [i IN data.invocations | i.elapsedCompileTimeInUs] AS compileUs,
       [i IN data.invocations | i.elapsedExecutionTimeInUs] AS executionUs, [i IN data.invocations | i.startTimestampMillis] AS startedMs,
       data.invocationSummary.invocationCount AS invocations, data.queryExecutionPlan AS plan
