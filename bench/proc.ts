// What /proc says about a process (Linux): its memory and its children. Benchmarks and the
// stress run read the server's and the JVM's memory here.
import { readFileSync } from 'node:fs';

/** VmRSS (now) or VmHWM (peak) of a process in MB, or null when it cannot be read. */
export function memoryMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  if (!pid) return null;
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

