// A request's questions all answered from one state of the graph.
//
// Neo4j Community reads at read-committed isolation and applies a commit to its store while
// readers run: a request that asks several questions (a document, then its lines, its projects,
// its anomalies) may see some before a replace and some after, and even one question may see a
// commit half applied. Measured: of 63,732 reads during replaces, 152 mixed two versions.
//
// So every write counts itself in one node, `begun` just before its COMMIT (its own small
// transaction, closed before the big one is applied) and `done` after it. A request reads the
// counts before its first question and after its last: if both readings are the same and
// balanced, no commit was applied while it read, and its answer is of one state. Otherwise it is
// asked again (src/api/consistent-reads.ts). Why this holds: a commit applied while the request
// read had its `begun` closed before it was applied; closed before the first reading, `done`
// could not have caught up by then (it closes after the apply); closed after it, the second
// reading sees `begun` moved.
//
// A writer that died between its two counts leaves them unbalanced: once the last begin is older
// than STALE_SECONDS (no commit takes that long to apply) the imbalance is ignored by readers and
// repaired by the next writer.

/** The counts as read (cypher/graph-write-state.cypher). */
export interface WriteCounts {
  begun: number;
  done: number;
  /** The last begin is older than STALE_SECONDS. */
  stale: boolean;
}

/** Longer than any commit takes to be applied after its begin is counted. */
export const STALE_SECONDS = 30;

/** No write was being applied or committed between the two readings. */
export function unchangedBetween(before: WriteCounts, after: WriteCounts): boolean {
  if (before.begun !== after.begun || before.done !== after.done) return false;
  return before.begun === before.done || (before.stale && after.stale);
}

/**
 * Statements a request may run without the readings: questions about the service itself
 * (health), each answered by one statement that reads no document.
 */
export const UNGUARDED_STATEMENTS: ReadonlySet<string> = new Set(['server-version', 'document-count']);

/**
 * Whether readings taken around a request's questions show one state of the graph: every reading
 * the same, balanced (or left unbalanced by a dead writer, stale in each). Each question carries
 * its own readings, taken just before and just after it in its own transaction (src/db/run.ts):
 * the earliest of them was taken before any of the request's reads began and the latest after
 * they all ended, so all equal means those two are, and the proof above holds between them. No
 * reading at all (a request that asked nothing guarded) is one state.
 */
export function oneStateAcross(readings: readonly WriteCounts[]): boolean {
  const first = readings[0];
  return !first || readings.every((r) => unchangedBetween(first, r));
}

/**
 * How old the latest reading may be and still serve as a question's reading before (see
 * SharedReadings.chained). Its age costs nothing in soundness, only retries: a commit applied
 * since makes the request's reading after differ, and the request is asked again. So the age is
 * kept short: a bulk load in another process commits a batch about every half second, which a
 * window stretched by a second would overlap one time in two; back-to-back requests (a client's
 * next question, a few ms later; any concurrency above one) still chain. Past it a question
 * alone takes its own readings, as after an idle spell.
 */
export const CHAINED_READING_MAX_AGE_MS = 100;

/**
 * Readings of the counts shared by the requests that can use the same one, so that fifty
 * concurrent questions cost two readings, not a hundred (src/db/run.ts takes them while other
 * requests read; alone, a question carries its own). Sound because the proof above only needs a
 * reading taken before a question (a reading already under way when it is asked, and waited for,
 * is) and one taken after the request's last (a reading not yet started is).
 *
 * Chained readings (#41 item 4). The proof asks nothing of the reading before but that it was
 * taken before the question's first read began; which request took it does not matter. So the
 * latest reading this process has in hand (its answer received: its statement was run before
 * now) is a reading before for any question sent from now on, and a request alone needs only its
 * reading after: at c = 1 the reading after request k is the reading before request k + 1. Why
 * a commit cannot slip through the gap between that reading (R0) and the question: let C be a
 * commit applied while the request read. C's `begun` was closed before C was applied. Closed
 * before R0 was taken, R0 saw it without its `done` (C's `done` closes after C's apply, which is
 * after the question began, after R0): R0 is unbalanced and the request is asked again. Closed
 * after R0, the reading after (taken after the request's last read ended, after C's apply, after
 * C's begin) sees `begun` moved. A commit applied in the gap itself, before the question began,
 * shows the same way and costs a retry, never an answer of two states. Only a balanced (or stale)
 * reading is handed out: an unbalanced one would fail the request for certain.
 */
export class SharedReadings {
  private underWay: Promise<WriteCounts> | null = null;
  private notStarted: Promise<WriteCounts> | null = null;
  /** The latest reading received, and when (performance.now()); null once a write of ours begins. */
  private latest: { counts: WriteCounts; at: number } | null = null;

  constructor(private readonly read: () => Promise<WriteCounts>) {}

  /** A reading taken before now returns: the one under way, or a new one. */
  before(): Promise<WriteCounts> {
    this.underWay ??= this.taken().finally(() => (this.underWay = null));
    return this.underWay;
  }

  /** A reading that starts after now: the next one, which every caller until it starts joins. */
  after(): Promise<WriteCounts> {
    this.notStarted ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.notStarted = null;
      return this.taken();
    });
    return this.notStarted;
  }

  /** A reading received before now, fit to be a question's reading before (see above); null if none is. */
  chained(now = performance.now()): WriteCounts | null {
    const latest = this.latest;
    if (!latest || now - latest.at > CHAINED_READING_MAX_AGE_MS) return null;
    const { counts } = latest;
    return counts.begun === counts.done || counts.stale ? counts : null;
  }

  /** A reading taken elsewhere (a question's own, in its transaction), received now. */
  noted(counts: WriteCounts): void {
    this.latest = { counts, at: performance.now() };
  }

  /**
   * A write of this process is about to be counted: the latest reading would only cost the next
   * request a retry. (Writers elsewhere are not seen: their commits cost a retry, as above.)
   */
  forget(): void {
    this.latest = null;
  }

  private taken(): Promise<WriteCounts> {
    return this.read().then((counts) => (this.noted(counts), counts));
  }
}
