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
 * How old a reading may be to stand as a question's first one (ms). Any reading completed before
 * the question is sent is sound as its first (the proof above needs no more: an older one only
 * widens the window a commit can fall in, which costs an asking again, never a mixed answer); a
 * recent one is taken instead of a new one, so under load the readings that end some requests
 * begin the next ones, and a question asked just after another reads the counts once, after
 * itself. Short, so that while documents are loaded few questions are asked again for a commit
 * that came before them.
 */
export const RECENT_READING_MS = 50;

/**
 * Readings of the counts shared by the requests that can use the same one, so that fifty
 * concurrent questions cost two readings, not a hundred (src/db/run.ts takes them while other
 * requests read; alone, a question carries its own). Sound because the proof above only needs a
 * reading taken before a question (a reading already under way when it is asked, and waited for,
 * is; so is one already completed: recent()) and one taken after the request's last (a reading
 * not yet started is).
 */
export class SharedReadings {
  private underWay: Promise<WriteCounts> | null = null;
  private notStarted: Promise<WriteCounts> | null = null;
  /** The last reading after() started, until it is over. */
  private afterUnderWay: Promise<WriteCounts> | null = null;
  /** The last reading completed in this process (shared, or a question's own), and when. */
  private latest: { counts: WriteCounts; at: number } | null = null;

  constructor(
    private readonly read: () => Promise<WriteCounts>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A reading that completed less than RECENT_READING_MS ago, taken before now; null when none. */
  recent(): WriteCounts | null {
    const latest = this.latest;
    return latest && this.now() - latest.at < RECENT_READING_MS ? latest.counts : null;
  }

  /** A reading just completed (a question's own, in its transaction): it may begin the next question. */
  noted(counts: WriteCounts): void {
    this.latest = { counts, at: this.now() };
  }

  /** A reading taken before now returns: a recent one, the one under way, or a new one. */
  before(): Promise<WriteCounts> {
    const recent = this.recent();
    if (recent) return Promise.resolve(recent);
    this.underWay ??= this.taken().finally(() => (this.underWay = null));
    return this.underWay;
  }

  /**
   * A reading that starts after now: the next one, which every caller until it starts joins. It
   * starts once the one under way is over, so under load the requests that end meanwhile share
   * it (one reading while another is read would serve only the requests of one turn of the loop).
   */
  after(): Promise<WriteCounts> {
    if (this.notStarted) return this.notStarted;
    const previous = this.afterUnderWay;
    const next = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => previous?.then(() => undefined, () => undefined))
      .then(() => {
        this.notStarted = null;
        const reading = this.taken();
        this.afterUnderWay = reading;
        const over = () => {
          if (this.afterUnderWay === reading) this.afterUnderWay = null;
        };
        reading.then(over, over);
        return reading;
      });
    this.notStarted = next;
    return next;
  }

  private async taken(): Promise<WriteCounts> {
    const counts = await this.read();
    this.noted(counts);
    return counts;
  }
}
