// Index statistics after a bulk write (#41 item 3).
//
// Neo4j plans a statement from each index's sampled size and selectivity. An index created on an
// empty graph (a fresh start, or a new index on an old graph) and then filled by a folder load or
// a backfill keeps its empty sample until the background sampler comes round, and a plan made
// meanwhile may read the index whole instead of seeking in it: measured on the bundled documents
// just loaded, codeFeeds' default page read every BOOKED_UNDER's index entry
// (DirectedRelationshipIndexScan) where after a resample it seeks its code. So a bulk write ends
// by having every index sampled again, waited for, and the plans cached on the old samples dropped
// (db.prepareForReplanning: db.resampleOutdatedIndexes only schedules the sampling, which a plan
// made at once would race).
import neo4j from 'neo4j-driver';
import type { QueryRunner } from '../db/run.js';

/** How long a load waits for the sampling (a 10,000-document graph's indexes: seconds). */
const RESAMPLE_WAIT_SECONDS = 120;

/**
 * Has every index sampled again and the cached plans dropped; false if that could not be done.
 * Never throws: statistics are a planner's hint, never an answer, and a load that committed is not
 * failed by them (a database gone away, a timeout: the background sampler comes round later).
 */
export async function resampleIndexes(runner: QueryRunner): Promise<boolean> {
  try {
    await runner.read('load-resample-indexes', { timeoutSeconds: neo4j.int(RESAMPLE_WAIT_SECONDS) }, (RESAMPLE_WAIT_SECONDS + 10) * 1000);
    return true;
  } catch {
    return false;
  }
}
