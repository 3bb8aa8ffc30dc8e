#!/usr/bin/env node
// Builds the explorer page (web/) into web/dist with Vite when the build is missing or older
// than its sources. Runs from `npm install` (postinstall) and again on demand at start-up, so
// `npm start` on a fresh clone serves the page with no extra step. Vite and the pages' libraries
// are devDependencies: a production install (`npm ci --omit=dev`) has none of them, so there this
// builds nothing and says how to get the pages (a web/dist built elsewhere is served as it is).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
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

/** What to do when the pages cannot be built here: the one message for the install, the start and the server. */
export const PAGES_NEED_DEV_DEPENDENCIES =
  'the explorer pages (web/dist) are built by Vite from dev dependencies, which this install omitted (npm ci --omit=dev): ' +
  'build them where they are installed (`npm install && npm run build:web`) and copy web/dist here, or use the Docker image, whose build stage builds them. ' +
  'The GraphQL API works without them.';

/** Vite, or null when it is not installed (a production install); any other failure is thrown. */
async function importVite() {
  try {
    return await import('vite');
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && /'vite'/.test(err.message)) return null;
    throw err;
  }
}

export function webIsFresh() {
  if (!existsSync(index)) return false;
  // A built web/dist without its sources (the Docker image's runtime stage) is what there is.
  if (!existsSync(join(webDir, 'src'))) return true;
  const built = statSync(index).mtimeMs;
  // src/csv.ts: the one CSV writer, bundled into the page from the server's sources.
  const inputs = [join(webDir, 'index.html'), join(webDir, 'graphiql.html'), join(webDir, 'vite.config.ts'), join(root, 'src', 'csv.ts')];
  const assets = join(webDir, 'dist', 'assets');
  const precompressed = existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.js.br'));
  return existsSync(join(webDir, 'dist', 'graphiql.html')) && precompressed && built >= newest(join(webDir, 'src')) && inputs.every((f) => built >= statSync(f).mtimeMs);
}

/**
 * Writes .br and .gz beside every text asset of 1 KB or more, once at build time, so the server
 * sends the 827 kB GraphiQL bundle compressed without compressing it per request (sirv picks
 * the variant the client accepts).
 */
function precompress(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) precompress(p);
    else if (/\.(js|css|html|svg|json|map)$/.test(e.name) && statSync(p).size >= 1024) {
      const body = readFileSync(p);
      writeFileSync(`${p}.br`, brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
      writeFileSync(`${p}.gz`, gzipSync(body, { level: 9 }));
    }
  }
}

/**
 * Builds the pages when they are missing or stale. `{ built: false, missing }` when Vite is not
 * installed: `missing` says how to get them (and `stale` that an older web/dist is still served).
 */
export async function buildWeb({ quiet = false, loadVite = importVite } = {}) {
  if (webIsFresh()) return { built: false, dir: join(webDir, 'dist') };
  const vite = await loadVite();
  if (!vite) return { built: false, dir: join(webDir, 'dist'), missing: PAGES_NEED_DEV_DEPENDENCIES, stale: existsSync(index) };
  const started = Date.now();
  const { build } = vite;
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  precompress(join(webDir, 'dist'));
  if (!quiet) console.log(`explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { built: true, dir: join(webDir, 'dist') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().then(
    ({ missing }) => {
      if (!missing) return;
      console.error(`Could not build the explorer: ${missing}`);
      process.exit(1);
    },
    (err) => {
      console.error(`Could not build the explorer (web/): ${err.message}`);
      process.exit(1);
    },
  );
}
