// Where a document's load spends its time, by named phase (issue 41 item 1): read, parse, plan
// (in the parse worker, which reports them), the write transaction's statements one by one,
// stored totals, parity, commit. Off by default: with no recorder installed, `phaseRecorder` is
// null and every timer is one null check. bench/ingest-profile.ts installs one and prints it.

export interface PhaseTally {
  /** Wall time spent in the phase, ms (a phase inside another is counted in both). */
  ms: number;
  /** How many times it ran. */
  count: number;
}

export class PhaseRecorder {
  readonly phases = new Map<string, PhaseTally>();
  /** Statements sent by name (one per run inside a transaction, one per auto-commit read). */
  readonly statements = new Map<string, number>();
  /** Rows sent by statement name (`$rows`, or every document's under `$docs`): what a statement carries to Neo4j. */
  readonly rows = new Map<string, number>();
  /** Write transactions begun (committed or not) and auto-commit reads. */
  transactions = 0;
  reads = 0;
  /** Statements of a write transaction sent and not yet answered, and the most at once: 1 when each waits for the one before (loader.ts sentTogether). */
  private unanswered = 0;
  mostUnanswered = 0;

  add(name: string, ms: number, count = 1): void {
    const t = this.phases.get(name);
    if (t) {
      t.ms += ms;
      t.count += count;
    } else this.phases.set(name, { ms, count });
  }

  statement(name: string, rows = 0): void {
    this.statements.set(name, (this.statements.get(name) ?? 0) + 1);
    this.rows.set(name, (this.rows.get(name) ?? 0) + rows);
  }

  sent(): void {
    this.unanswered++;
    this.mostUnanswered = Math.max(this.mostUnanswered, this.unanswered);
  }

  answered(): void {
    this.unanswered--;
  }

  get statementCount(): number {
    let n = 0;
    for (const v of this.statements.values()) n += v;
    return n;
  }
}

let recorder: PhaseRecorder | null = null;

/** Installs a recorder (or removes it with null); returns the one installed. */
export function recordPhases(r: PhaseRecorder | null): PhaseRecorder | null {
  recorder = r;
  return r;
}

export function phaseRecorder(): PhaseRecorder | null {
  return recorder;
}

/** Runs `work`, adding its wall time to `name` when a recorder is installed. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const r = recorder;
  if (!r) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    r.add(name, performance.now() - started);
  }
}

/** Adds the time since `started` (performance.now()) to `name`. */
export function since(name: string, started: number): void {
  recorder?.add(name, performance.now() - started);
}
