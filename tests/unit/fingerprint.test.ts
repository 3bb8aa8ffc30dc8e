// The loader's fingerprint decides whether documents already in the graph are read again on
// start: it must see every file that turns text into facts, in sub-folders too (issue 26 found
// src/parse/readers and src/load/plan outside it).
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fingerprintOf } from '../../src/load/fingerprint.js';

function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'budget-graph-fingerprint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const base = {
  'src/parse/index.ts': 'a',
  'src/parse/readers/projects.ts': 'b',
  'src/load/plan/lines.ts': 'c',
  'src/model/ids.ts': 'd',
  'cypher/load-lines.cypher': 'e',
  'cypher/projects-page.cypher': 'f',
};

describe('the loader fingerprint', () => {
  it.each(['src/parse/readers/projects.ts', 'src/load/plan/lines.ts', 'src/model/ids.ts', 'cypher/load-lines.cypher'])('changes when %s changes', (path) => {
    const before = checkout(base);
    const after = checkout({ ...base, [path]: 'changed' });
    try {
      expect(fingerprintOf(after)).not.toBe(fingerprintOf(before));
    } finally {
      rmSync(before, { recursive: true });
      rmSync(after, { recursive: true });
    }
  });

  it('does not change for a read-side statement', () => {
    const before = checkout(base);
    const after = checkout({ ...base, 'cypher/projects-page.cypher': 'changed' });
    try {
      expect(fingerprintOf(after)).toBe(fingerprintOf(before));
    } finally {
      rmSync(before, { recursive: true });
      rmSync(after, { recursive: true });
    }
  });
});
