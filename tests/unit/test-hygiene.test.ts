// A run of the suite leaves nothing in /tmp: every test file (and test helper) that makes a
// temporary folder removes it, itself (rmSync) or through tests/scratch-dirs.ts. Before, nine files
// made folders they never removed, one set a run (53 of each kind had piled up on this machine).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : tsFilesUnder(path);
    return /\.m?ts$/.test(name) ? [path] : [];
  });
}

describe('temporary folders of the tests', () => {
  const files = tsFilesUnder(join(projectRoot, 'tests')).map((f) => ({ name: relative(projectRoot, f), text: readFileSync(f, 'utf8') }));
  const making = files.filter((f) => /\bmkdtemp(Sync)?\(/.test(f.text));

  it('every file that makes one removes it (rmSync), or makes it through scratchDirs, which does', () => {
    const leaving = making.filter((f) => !/\brmSync\(|\brm\(/.test(f.text)).map((f) => f.name);
    expect(leaving).toEqual([]);
  });

  it('finds the files it checks (the scan is not empty)', () => {
    expect(making.length).toBeGreaterThan(10);
    expect(files.filter((f) => /\bscratch\('/.test(f.text)).length).toBeGreaterThanOrEqual(8);
  });
});
