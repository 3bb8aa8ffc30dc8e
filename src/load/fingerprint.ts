// A fingerprint of the code that turns text into graph facts (parsers, load plan, load Cypher).
// Stored on each Document beside the text's hash: a document loaded by older code is
// reloaded on the next start, so fixing a parser fixes the graph without a manual wipe.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { projectRoot } from '../config.js';

let cached: string | null = null;

/**
 * Where a build without sources keeps the fingerprint of the sources it was compiled from (the
 * Docker image: scripts/write-loader-fingerprint.mjs writes it in the build stage). Hashing an
 * image's missing src/ would give one constant for every release, and an upgraded image would
 * never reload what an older parser wrote.
 */
export const RECORDED_FINGERPRINT = join('dist', 'loader-fingerprint.txt');

export function loaderFingerprint(): string {
  cached ??= existsSync(join(projectRoot, 'src', 'parse')) ? fingerprintOf(projectRoot) : recordedFingerprint(projectRoot);
  return cached;
}

/** The fingerprint recorded at build time, for a checkout without its sources. */
export function recordedFingerprint(root: string): string {
  const file = join(root, RECORDED_FINGERPRINT);
  if (!existsSync(file)) throw new Error(`no sources under ${join(root, 'src')} and no ${RECORDED_FINGERPRINT}: a build without sources must record the loader's fingerprint (scripts/write-loader-fingerprint.mjs)`);
  return readFileSync(file, 'utf8').trim();
}

/** The fingerprint of the loading code under `root` (a checkout). */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha256');
  // Every file under each folder, sub-folders included (src/parse/readers, src/load/plan): a
  // change to a reader or a planner must reload what it wrote. src/model declares the rules both
  // follow (ids, which table stands for a document, link strength).
  const dirs: [string, RegExp][] = [
    [join(root, 'src', 'parse'), /\.ts$/],
    [join(root, 'src', 'load'), /\.ts$/],
    [join(root, 'src', 'model'), /\.ts$/],
    // The sources (a PDF's rendering) decide the text the parsers read.
    [join(root, 'src', 'source'), /\.ts$/],
    [join(root, 'cypher'), /(^|\/)load-[^/]*\.cypher$/],
  ];
  for (const [dir, re] of dirs) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(sep).join('/')).filter((x) => re.test(x)).sort();
    for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
  }
  return hash.digest('hex').slice(0, 16);
}
