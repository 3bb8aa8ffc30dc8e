#!/usr/bin/env node
// Compiles the server (src/, loaders/) to JavaScript in dist/ with esbuild: a transpile per file,
// same folder layout, no bundling, no type check (`npm test` type-checks). Production runs
// `node dist/src/main.js`, not a TypeScript loader, so signals reach the server itself and start-up
// skips the compile. Runs from `npm install` and before `npm start` (a no-op when fresh).
import { existsSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist');
const stamp = join(outDir, 'src', 'main.js');
const sourceDirs = ['src', 'loaders'].map((d) => join(root, d));

function files(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

export function serverIsFresh() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return sourceDirs.every((d) => files(d).every((f) => statSync(f).mtimeMs <= built));
}

export async function buildServer({ quiet = false } = {}) {
  if (serverIsFresh()) return { built: false, outDir };
  const started = Date.now();
  const { build } = await import('esbuild');
  const entryPoints = sourceDirs.flatMap((d) => files(d));
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints,
    outdir: outDir,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  if (!quiet) console.log(`server compiled (${entryPoints.length} files → ${relative(root, outDir)}/) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { built: true, outDir };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildServer().catch((err) => {
    console.error(`Could not compile the server: ${err.message}`);
    process.exit(1);
  });
}
