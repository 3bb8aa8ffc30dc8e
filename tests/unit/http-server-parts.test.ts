// The HTTP server is composed of parts, one concern a file in src/api/http/ (#40 item 4), and
// src/api/http-server.ts only assembles them. Sizes bound here so neither grows back into one closure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

const ASSEMBLY = join(projectRoot, 'src/api/http-server.ts');
const PARTS = join(projectRoot, 'src/api/http');
const MAX_ASSEMBLY_LINES = 100;
const MAX_PART_LINES = 200;

const linesOf = (file: string) => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;

describe('the HTTP server as parts', () => {
  it(`src/api/http-server.ts stays at most ${MAX_ASSEMBLY_LINES} lines`, () => {
    expect(linesOf(ASSEMBLY)).toBeLessThanOrEqual(MAX_ASSEMBLY_LINES);
  });

  it('src/api/http-server.ts declares no function but startHttpServer: the concerns live in the parts', () => {
    const text = readFileSync(ASSEMBLY, 'utf8');
    const declared = [...text.matchAll(/^(?:export\s+)?(?:async\s+)?function\s+(\w+)/gm)].map((m) => m[1]);
    expect(declared).toEqual(['startHttpServer']);
  });

  it(`each part in src/api/http/ stays at most ${MAX_PART_LINES} lines`, () => {
    const files = readdirSync(PARTS).filter((name) => name.endsWith('.ts'));
    // The folder is the point: an empty or missing one would pass the bound below trivially.
    expect(files.length).toBeGreaterThanOrEqual(8);
    const tooLong = files.map((name) => ({ name, lines: linesOf(join(PARTS, name)) })).filter((f) => f.lines > MAX_PART_LINES);
    expect(tooLong).toEqual([]);
  });
});
