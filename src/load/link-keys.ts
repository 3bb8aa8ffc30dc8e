// What a BOOKED_UNDER link of a graph loaded by an older version lacks, written at start-up by
// backfillDerived (src/load/loader.ts): its status (decided at load since d09e7b1; a document
// loaded before and not presented since, an upload, keeps links without one, which codeFeeds'
// total would count and no page lists), then the copies of its ends that the index
// booked_under_code_owner reads (r.code, r.ownerId: cypher/schema.cypher). Both counted first in one
// read without locks (zero and zero on a graph that has them: no write), then written a batch at a
// time, each batch a counted write (readers are told, src/db/consistency.ts) whose owners or codes
// are locked before their links are read, so two processes starting at once write each link once.
import neo4j, { Neo4jError, type Integer } from 'neo4j-driver';
import type { QueryRunner, RunStatement } from '../db/run.js';
import { countedAmount, linkRank, linkStatuses, type LinkStatus } from '../model/codes.js';

/** Links a batch writes at most, unless one code has more (51,300 links at 10,000 documents: 3 batches). */
export const LINK_BATCH = 20_000;
/** A link deleted by another process's load between the batch's read and its write: the batch is read again. */
const GONE = 'Neo.ClientError.Statement.EntityNotFound';

/** Owners a batch of the status backfill locks at most (an allocation has one to three links). */
export const OWNER_BATCH = 10_000;

/**
 * Gives each link without a status the one the load gives it, then writes r.code and r.ownerId where
 * a link lacks them: how many links this process wrote keys on (`written`) and statuses on
 * (`statuses`), in how long.
 */
export async function backfillLinkKeys(runner: QueryRunner, batch = LINK_BATCH, ownerBatch = OWNER_BATCH): Promise<{ written: number; statuses: number; ms: number }> {
  const started = Date.now();
  const counted = (await runner.read('load-links-to-backfill')).records[0];
  const missing = Number(counted?.get('n') ?? 0);
  const statusless = Number(counted?.get('statuses') ?? 0);
  const statuses = statusless === 0 ? 0 : await backfillLinkStatuses(runner, statusless, ownerBatch);
  if (missing === 0) return { written: 0, statuses, ms: Date.now() - started };
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
  return { written, statuses, ms: Date.now() - started };
}

/** One link of an owner as load-link-status-owners reads it. */
interface StoredLink {
  id: string;
  method: string;
  code: string;
  partFen: bigint | null;
  status: string | null;
}

/** What load-write-link-statuses writes on one link. */
interface StatusRow {
  id: string;
  status: LinkStatus;
  countedFen: Integer | null;
  rejectedBecause: string | null;
}

const fen = (v: unknown): bigint | null => (neo4j.isInt(v) ? BigInt(v.toString()) : typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : null);
const int = (v: bigint | null): Integer | null => (v === null ? null : neo4j.int(v.toString()));
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The statuses of one owner's links as the load decides them (src/load/plan/facts.ts): an
 * investment project's one link is COUNTED at its completed investment; an allocation's by the
 * strength rule over all its links, the counted money by countedAmount. The rule's ties go to the
 * link listed first: the load lists a project's links strongest method first (DIRECT or NAMED,
 * then RECONCILED, then SPLIT parts, which follow the link they split), and only one link of an
 * owner and code is counted, so ordering by rank (then code) gives every link the load's status
 * and reason.
 */
export function ownerLinkStatuses(owner: { investment: boolean; amountFen: bigint | null; executedFen: bigint | null; completedInYearFen: bigint | null; actual: boolean }, links: StoredLink[]): StatusRow[] {
  if (owner.investment) return links.map((l) => ({ id: l.id, status: 'COUNTED', countedFen: int(owner.completedInYearFen), rejectedBecause: null }));
  const ordered = [...links].sort((a, b) => linkRank(a.method) - linkRank(b.method) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const statuses = linkStatuses(ordered, () => 0);
  return ordered.map((l, k) => {
    const status = statuses[k]?.status ?? 'REJECTED';
    const reason = statuses[k]?.reason ?? null;
    return {
      id: l.id,
      status,
      countedFen: status === 'COUNTED' ? int(countedAmount({ partFen: l.partFen, amountFen: owner.amountFen, executedFen: owner.executedFen }, owner.actual)) : null,
      rejectedBecause: status === 'REJECTED' ? reason : null,
    };
  });
}

/** Gives a status to the links without one, a batch of owners a transaction: how many this process gave one. */
async function backfillLinkStatuses(runner: QueryRunner, missing: number, batch: number): Promise<number> {
  let written = 0;
  // Bounded as the keys' rounds are: the batches the count asks for (an owner has one link at
  // least), with room for another process taking some.
  for (let round = 0, rounds = Math.ceil(missing / batch) + 10, gone = 0; round < rounds; round++) {
    let n: number | null;
    try {
      n = await runner.writeTransaction(async (_tx, run) => statusBatch(run, batch));
    } catch (err) {
      if (!(err instanceof Neo4jError && err.code === GONE) || ++gone > 3) throw err;
      continue;
    }
    if (n === null) break;
    written += n;
  }
  return written;
}

/** One batch: its owners locked, read, decided, written. Null when no owner is left. */
async function statusBatch(run: RunStatement, batch: number): Promise<number | null> {
  const owners: unknown = (await run('load-lock-status-owners', { batch: neo4j.int(batch) })).records[0]?.get('owners');
  if (!Array.isArray(owners) || owners.length === 0) return null;
  const read = await run('load-link-status-owners', { owners });
  const rows: StatusRow[] = [];
  let given = 0;
  for (const rec of read.records) {
    const raw: unknown = rec.get('links');
    const links: StoredLink[] = (Array.isArray(raw) ? raw : []).map((l: Record<string, unknown>) => ({ id: String(l.id), method: text(l.method) ?? '', code: String(l.code), partFen: fen(l.partFen), status: text(l.status) }));
    given += links.filter((l) => l.status === null).length;
    rows.push(...ownerLinkStatuses({ investment: rec.get('investment') === true, amountFen: fen(rec.get('amountFen')), executedFen: fen(rec.get('executedFen')), completedInYearFen: fen(rec.get('completedInYearFen')), actual: rec.get('actual') === true }, links));
  }
  if (rows.length) await run('load-write-link-statuses', { rows });
  return given;
}
