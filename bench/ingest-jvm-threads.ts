// Where the embedded JVM's CPU goes during a load (issue 41 items 2-3): the CPU of each of its
// threads from /proc (Linux), grouped by the thread's name with its number taken off, so the JIT
// compilers (C1/C2 CompilerThread), the garbage collector (GC Thread, G1 Conc, G1 Refine …), the
// Bolt workers that plan and run the statements, and Neo4j's own background jobs (checkpoint,
// index population …) are told apart. Threads that end inside the measured span take their CPU
// with them from /proc/<pid>/task: what the process used beyond its live threads is "(ended threads)".
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ms used so far by each live thread of `pid`, by thread id, with its name. */
export type ThreadCpu = Map<number, { name: string; ms: number }>;

/** The clock ticks of /proc/<pid>/stat are 10 ms (USER_HZ is 100 on Linux). */
const TICK_MS = 10;

function statOf(path: string): { name: string; ms: number } | null {
  try {
    const text = readFileSync(path, 'utf8');
    // The name sits in parentheses and may hold spaces and parentheses itself: cut at the last ") ".
    const open = text.indexOf('(');
    const close = text.lastIndexOf(') ');
    const fields = text.slice(close + 2).split(' ');
    return { name: text.slice(open + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** Every live thread's CPU so far (an empty map when /proc cannot be read). */
export function threadCpu(pid: number): ThreadCpu {
  const out: ThreadCpu = new Map();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const s = statOf(`/proc/${pid}/task/${tid}/stat`);
    if (s) out.set(Number(tid), s);
  }
  return out;
}

/** The process's own CPU so far (all threads, ended ones included), or null. */
export function processCpuMs(pid: number): number | null {
  return statOf(`/proc/${pid}/stat`)?.ms ?? null;
}

/** A thread's group: its name with the numbers taken off ("GC Thread#3" → "GC Thread"; a name cut at 15 characters keeps what is left). */
export function threadGroup(name: string): string {
  return name.replace(/[#-]?\d+$/, '').trim() || name;
}

/**
 * CPU ms by thread group between two readings, largest first. Threads born in between count from
 * zero; `processMs` (the process's CPU over the same span) gives the ended threads' share.
 */
export function cpuByGroup(before: ThreadCpu, after: ThreadCpu, processMs: number | null): [string, number][] {
  const groups = new Map<string, number>();
  let live = 0;
  for (const [tid, t] of after) {
    const ms = t.ms - (before.get(tid)?.ms ?? 0);
    if (ms <= 0) continue;
    live += ms;
    const g = threadGroup(t.name);
    groups.set(g, (groups.get(g) ?? 0) + ms);
  }
  if (processMs !== null && processMs - live > 0) groups.set('(ended threads)', processMs - live);
  return [...groups.entries()].sort((a, b) => b[1] - a[1]);
}
