// After a bulk load (src/load/index-statistics.ts): the indexes whose entries changed by more than
// Neo4j's update threshold since they were last sampled are sampled again now, not whenever the
// background sampler comes round. An index created on an empty graph and then filled keeps the
// statistics of the empty one until then, and the planner, believing it empty, reads it whole
// (codeFeeds' default page scanned every BOOKED_UNDER instead of seeking its code).
CALL db.resampleOutdatedIndexes()
