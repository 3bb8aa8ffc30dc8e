// Building and running stay apart: npm's hooks build (scripts/), the server only finds what was
// built. So no runtime module imports a build script, and both sides name the same launcher jar.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { LAUNCHER_JAR } from '../../src/db/embedded-neo4j.js';
import { jar } from '../../scripts/build-launcher.mjs';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(f) ? [path] : [];
  });
}

describe('build and run', () => {
  it('no module of src/ or loaders/ imports from scripts/', () => {
    const offenders = [...sources(join(projectRoot, 'src')), ...sources(join(projectRoot, 'loaders'))].filter((f) => /from '[^']*scripts\/|import\([^)]*scripts|'scripts', '/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(projectRoot.length + 1))).toEqual([]);
  });

  it('the server looks for the jar the build writes', () => {
    expect(LAUNCHER_JAR).toBe(jar);
  });
});
