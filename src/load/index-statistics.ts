// Index statistics after a bulk write (#41 item 3).
//
// Neo4j plans a statement from each index's sampled size and selectivity. An index created on an
// empty graph (a fresh start, or a new index on an old graph) and then filled by a folder load or
// a backfill keeps its empty sample until the background sampler comes round, and a plan made
// meanwhile may read the index whole instead of seeking in it: measured on the bundled documents
// just loaded, codeFeeds' default page read every BOOKED_UNDER's index entry
// (DirectedRelationshipIndexScan) where after a resample it seeks its code. So a bulk write ends
// by having the indexes it outdated sampled again. Plans cached before are replanned by Neo4j
// once their statistics have diverged (cypher.min_replan_interval).
import { ServiceUnavailableError } from '../errors.js';
import type { QueryRunner } from '../db/run.js';

/** Has the indexes that changed past Neo4j's threshold since their last sample sampled again. */
export async function resampleOutdatedIndexes(runner: QueryRunner): Promise<void> {
  try {
    await runner.read('resample-outdated-indexes');
  } catch (err) {
    // Statistics are a planner's hint, never an answer: a database gone away after the load
    // committed leaves them to the background sampler.
    if (!(err instanceof ServiceUnavailableError)) throw err;
  }
}
