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
 * Readings of the counts shared by the requests that can use the same one, so that fifty
 * concurrent questions cost two readings, not a hundred (src/db/run.ts takes them while other
 * requests read; alone, a question carries its own). Sound because the proof above only needs a
 * reading taken before a question (a reading already under way when it is asked, and waited for,
 * is) and one taken after the request's last (a reading not yet started is).
 */
export class SharedReadings {
  private underWay: Promise<WriteCounts> | null = null;
  private notStarted: Promise<WriteCounts> | null = null;

  constructor(private readonly read: () => Promise<WriteCounts>) {}

  /** A reading taken before now returns: the one under way, or a new one. */
  before(): Promise<WriteCounts> {
    this.underWay ??= this.read().finally(() => (this.underWay = null));
    return this.underWay;
  }

  /** A reading that starts after now: the next one, which every caller until it starts joins. */
  after(): Promise<WriteCounts> {
    this.notStarted ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.notStarted = null;
      return this.read();
    });
    return this.notStarted;
  }
}
