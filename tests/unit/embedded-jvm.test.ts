// The embedded JVM's arguments (src/db/embedded-neo4j.ts): a load's JVM stops at C1, the server's does not.
import { describe, expect, it } from 'vitest';
import { jvmArguments } from '../../src/db/embedded-neo4j.js';

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
});
