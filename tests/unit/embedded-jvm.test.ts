// The embedded JVM's arguments (src/db/embedded-neo4j.ts): a load's JVM stops at C1, the server's does not.
import { describe, expect, it } from 'vitest';
import { PEAK_JIT_FROM_DOCUMENTS, jitForLoad, jvmArguments } from '../../src/db/embedded-neo4j.js';

describe('embedded JVM arguments', () => {
  it('stops the JIT at C1 only for a quick (loading) JVM', () => {
    expect(jvmArguments(1024, 'quick')).toContain('-XX:TieredStopAtLevel=1');
    expect(jvmArguments(1024, 'peak')).not.toContain('-XX:TieredStopAtLevel=1');
  });

  it('keeps the heap, the collector and the exit on out-of-memory either way', () => {
    for (const jit of ['quick', 'peak'] as const) {
      expect(jvmArguments(1024, jit)).toEqual(expect.arrayContaining(['-Xms256m', '-Xmx1024m', '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError']));
    }
    expect(jvmArguments(128, 'peak')).toContain('-Xms128m');
  });

  it("a load's JVM: C1 for the loads measured to favour it (1,000 documents), C2 for those measured to pay it back (10,000)", () => {
    expect(jitForLoad(1_000)).toBe('quick');
    expect(jitForLoad(PEAK_JIT_FROM_DOCUMENTS - 1)).toBe('quick');
    expect(jitForLoad(PEAK_JIT_FROM_DOCUMENTS)).toBe('peak');
    expect(jitForLoad(10_000)).toBe('peak');
  });
});
