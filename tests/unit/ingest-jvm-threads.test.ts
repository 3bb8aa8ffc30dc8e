// bench/ingest-jvm-threads.ts: the JVM's CPU by thread group over a measured span.
import { describe, expect, it } from 'vitest';
import { cpuByGroup, threadCpu, threadGroup, type ThreadCpu } from '../../bench/ingest-jvm-threads.js';

describe('JVM CPU by thread group', () => {
  it('takes the number off a thread name and keeps a name cut at 15 characters', () => {
    expect(threadGroup('GC Thread#3')).toBe('GC Thread');
    expect(threadGroup('neo4j.BoltWorke')).toBe('neo4j.BoltWorke');
    expect(threadGroup('G1 Refine#0')).toBe('G1 Refine');
    expect(threadGroup('C2 CompilerThre')).toBe('C2 CompilerThre');
    expect(threadGroup('ForkJoinPool-12')).toBe('ForkJoinPool');
  });

  it('counts only the span: threads born in it from zero, ended ones as the rest of the process', () => {
    const before: ThreadCpu = new Map([
      [1, { name: 'C2 CompilerThre', ms: 500 }],
      [2, { name: 'neo4j.BoltWorke', ms: 100 }],
      [3, { name: 'neo4j.BoltWorke', ms: 40 }],
    ]);
    const after: ThreadCpu = new Map([
      [1, { name: 'C2 CompilerThre', ms: 800 }],
      [2, { name: 'neo4j.BoltWorke', ms: 150 }],
      [4, { name: 'neo4j.BoltWorke', ms: 70 }],
    ]);
    // Live threads used 300 + 50 + 70 = 420 ms of the process's 450: 30 went with thread 3.
    expect(cpuByGroup(before, after, 450)).toEqual([
      ['C2 CompilerThre', 300],
      ['neo4j.BoltWorke', 120],
      ['(ended threads)', 30],
    ]);
  });

  it('reads the threads of this process from /proc', () => {
    const mine = threadCpu(process.pid);
    expect(mine.size).toBeGreaterThan(0);
    expect([...mine.values()].every((t) => t.name.length > 0 && t.ms >= 0)).toBe(true);
  });
});
