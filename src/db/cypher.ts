// Loads Cypher statements from cypher/*.cypher by name. Cypher never lives in TypeScript:
// a statement has a file, a name, and parameters.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config.js';

const cypherDir = join(projectRoot, 'cypher');
const cache = new Map<string, string>();

export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    try {
      text = readFileSync(join(cypherDir, `${name}.cypher`), 'utf8');
    } catch {
      throw new Error(`No Cypher statement named "${name}" (expected cypher/${name}.cypher)`);
    }
    // `// @include <name>` puts a shared tail (e.g. page-window) in place, so it is written once.
    text = text.replace(/^[ \t]*\/\/ @include ([a-z0-9-]+)\s*$/gm, (_line, included: string) => cypher(included));
    text = withoutComments(text);
    cache.set(name, text);
  }
  return text;
}

/**
 * The statement as sent: comment lines and blank lines removed. The comments are for readers of
 * cypher/; every RUN carries the whole text, and the driver writes it to the socket in 1,400-byte
 * pieces, one system call each (a 6 KB page statement was five writes per request, half of them
 * comments), which Neo4j then reads and hashes for its plan cache. Only whole-line comments are
 * written in cypher/ (a test holds that), so no string literal is touched.
 */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s*\/\//.test(line))
    .join('\n');
}

/** Variable-length bounds Cypher cannot take as parameters, with the range each may take. */
const BOUNDS = { MAX_HOPS: [1, 6] } as const;

/**
 * A statement whose variable-length pattern is bounded by a literal (e.g. paths' MAX_HOPS): the
 * integer is checked against its range before it is put in, so no request text reaches Cypher.
 */
export function cypherWithBound(name: string, bound: keyof typeof BOUNDS, value: number): string {
  const [min, max] = BOUNDS[bound];
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${bound} must be an integer from ${min} to ${max}, got ${value}`);
  const text = cypher(name);
  if (!text.includes(bound)) throw new Error(`cypher/${name}.cypher has no ${bound} bound`);
  return text.replaceAll(bound, String(value));
}

/** Files holding several statements separated by lines of `;` (schema setup). */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function cypherNames(): string[] {
  return readdirSync(cypherDir)
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .sort();
}
