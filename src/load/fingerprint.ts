// A fingerprint of the code that turns text into graph facts (parsers, load plan, load Cypher).
// Stored on each Document beside the text's hash: a document loaded by older code is
// reloaded on the next start, so fixing a parser fixes the graph without a manual wipe.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config.js';

let cached: string | null = null;

export function loaderFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  const dirs: [string, RegExp][] = [
    [join(projectRoot, 'src', 'parse'), /\.ts$/],
    [join(projectRoot, 'src', 'load'), /\.ts$/],
    [join(projectRoot, 'cypher'), /^load-.*\.cypher$/],
  ];
  for (const [dir, re] of dirs) {
    for (const f of readdirSync(dir).filter((x) => re.test(x)).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
