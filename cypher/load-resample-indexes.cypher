// After a bulk load (src/load/index-statistics.ts): every index is sampled again and the plans
// cached on the old samples are dropped, waited for up to $timeoutSeconds (db.resampleOutdatedIndexes
// only schedules the sampling). An index created on an empty graph and then filled keeps the
// statistics of the empty one until the background sampler comes round, and the planner, believing
// it empty, reads it whole (codeFeeds' default page scanned every BOOKED_UNDER instead of seeking
// its code). Named load-: the warm-up (src/db/warm-up.ts) never replays it.
CALL db.prepareForReplanning($timeoutSeconds)
