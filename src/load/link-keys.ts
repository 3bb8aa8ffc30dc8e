// The copies of a BOOKED_UNDER link's ends that the index booked_under_code_owner reads (r.code,
// r.ownerId: cypher/schema.cypher), written on the links of a graph loaded before the load wrote
// them. Started by backfillDerived (src/load/loader.ts) at every start: counted first without locks
// (zero on a graph that has them: one read, no write), then written a batch of codes at a time,
// each batch a counted write (readers are told, src/db/consistency.ts) whose codes are locked
// before their links are read, so two processes starting at once write each link once.
import neo4j, { Neo4jError } from 'neo4j-driver';
import type { QueryRunner } from '../db/run.js';

/** Links a batch writes at most, unless one code has more (51,300 links at 10,000 documents: 3 batches). */
export const LINK_BATCH = 20_000;
/** A link deleted by another process's load between the batch's read and its write: the batch is read again. */
const GONE = 'Neo.ClientError.Statement.EntityNotFound';

/** Writes r.code and r.ownerId where a link lacks them: how many links this process wrote, in how long. */
export async function backfillLinkKeys(runner: QueryRunner, batch = LINK_BATCH): Promise<{ written: number; ms: number }> {
  const started = Date.now();
  const missing = Number((await runner.read('load-links-without-keys')).records[0]?.get('n') ?? 0);
  if (missing === 0) return { written: 0, ms: Date.now() - started };
  let written = 0;
  // Each round writes one batch, finds nothing left, or waited for another process that wrote it:
  // bounded by the batches the count asks for, with room for the links a load adds meanwhile.
  for (let round = 0, rounds = Math.ceil(missing / batch) + 10, gone = 0; round < rounds; round++) {
    let n: number | null;
    try {
      n = await runner.writeTransaction(async (_tx, run) => {
        const locked = await run('load-lock-link-codes', { batch: neo4j.int(batch) });
        const codes: unknown = locked.records[0]?.get('codes');
        if (!Array.isArray(codes) || codes.length === 0) return null;
        const res = await run('load-write-link-keys', { codes });
        return Number(res.records[0]?.get('written') ?? 0);
      });
    } catch (err) {
      if (!(err instanceof Neo4jError && err.code === GONE) || ++gone > 3) throw err;
      continue;
    }
    if (n === null) break;
    written += n;
  }
  return { written, ms: Date.now() - started };
}
