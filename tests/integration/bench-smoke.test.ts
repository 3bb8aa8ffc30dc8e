// A tiny run of `npm run bench` end to end (corpus, accuracy, ingest, both servers, every query):
// proves the benchmark still runs. No timing is asserted; figures are written to a temp folder.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

describe('npm run bench -- --smoke', () => {
  it('generates, checks accuracy, ingests and queries both servers', () => {
    const out = scratch('bench-smoke-');
    const run = spawnSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['bench/run.ts', '--smoke', `--out=${out}`], { cwd: projectRoot, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NEO4J_URI: '' } });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const file = readdirSync(out).find((f) => f.endsWith('-smoke.json'))!;
    const result = JSON.parse(readFileSync(join(out, file), 'utf8'));
    expect(result.accuracy.failed).toEqual([]);
    const [matched, expected] = (result.accuracy.lines as string).split('/').map(Number);
    expect(matched).toBe(expected);
    expect(result.ingest[0].n).toBe(6);
    const queries = new Set((result.queries as { query: string; server: string; errors: number }[]).map((q) => `${q.server} ${q.query}`));
    // Eight questions × Budget Graph (cached, uncached) and the raw-Cypher floor, and the peer on
    // the seven it can express (it has no group-by for the aggregate).
    expect(queries.size).toBe(31);
    expect((result.queries as { errors: number }[]).every((q) => q.errors === 0)).toBe(true);
  }, 300_000);
});
