// A fingerprint of the code that turns text into graph facts (parsers, load plan, load Cypher).
// Stored on each Document beside the text's hash: a document loaded by older code is
// reloaded on the next start, so fixing a parser fixes the graph without a manual wipe.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { projectRoot } from '../config.js';

let cached: string | null = null;

export function loaderFingerprint(): string {
  cached ??= fingerprintOf(projectRoot);
  return cached;
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
