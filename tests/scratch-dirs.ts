// Temporary folders for one test file, removed after its last test, so a run of the suite leaves
// nothing in /tmp: nine files made folders they never removed (53 runs had left 53 of each kind).
// tests/unit/test-hygiene.test.ts checks that every test file making one removes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A maker of temporary folders named `prefix…`, each removed when the calling file ends. Call it at a file's top level. */
export function scratchDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
