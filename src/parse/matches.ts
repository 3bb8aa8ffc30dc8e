// A regular expression's match with its named groups typed: the groups a reader names are present,
// so it writes `m.year`, not `m[1]!`. A group the pattern requires always takes part in a match;
// one that does not is a pattern's bug and throws here (ProgramBugError PATTERN_GROUP), never an
// undefined read on.
import { ProgramBugError } from '../errors.js';

/** The named groups `names` of a match of `pattern` in `text`, each a string; null when it does not match. */
export function matchGroups<K extends string>(pattern: RegExp, text: string, ...names: K[]): Record<K, string> | null {
  const m = pattern.exec(text);
  return m && groupsOf(m, names);
}

/** The named groups `names` of a match, each a string (a group that did not take part throws). */
export function groupsOf<K extends string>(m: RegExpExecArray | RegExpMatchArray, names: readonly K[]): Record<K, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = m.groups?.[name];
    if (value === undefined) throw new ProgramBugError('PATTERN_GROUP', `the pattern matched "${m[0]}" without its group "${name}"`);
    out[name] = value;
  }
  return out;
}

/** Numbered group `n` of a match, one the pattern requires (a group that did not take part throws). */
export function group(m: RegExpExecArray | RegExpMatchArray, n: number): string {
  const value = m[n];
  if (value === undefined) throw new ProgramBugError('PATTERN_GROUP', `the pattern matched "${m[0]}" without its group ${n}`);
  return value;
}
