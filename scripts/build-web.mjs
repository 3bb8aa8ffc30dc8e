#!/usr/bin/env node
// Builds the explorer page (web/) into web/dist with Vite when the build is missing or older
// than its sources. Runs from `npm install` (postinstall) and again on demand at start-up, so
// `npm start` on a fresh clone serves the page with no extra step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'web');
const index = join(webDir, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function webIsFresh() {
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  const inputs = [join(webDir, 'index.html'), join(webDir, 'graphiql.html'), join(webDir, 'vite.config.ts')];
  return existsSync(join(webDir, 'dist', 'graphiql.html')) && built >= newest(join(webDir, 'src')) && inputs.every((f) => built >= statSync(f).mtimeMs);
}

export async function buildWeb({ quiet = false } = {}) {
  if (webIsFresh()) return { built: false, dir: join(webDir, 'dist') };
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  if (!quiet) console.log(`explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { built: true, dir: join(webDir, 'dist') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().catch((err) => {
    console.error(`Could not build the explorer (web/): ${err.message}`);
    process.exit(1);
  });
}
