// Typed reads of stored node properties (already converted by mapping.ts: money as bigint, other
// integers as number). Row mappers build their row field by field through these, so a row type
// and what the statement returns cannot drift silently: a missing or mistyped property throws.
export type Props = Record<string, unknown>;

function fail(key: string, want: string, got: unknown): never {
  throw new Error(`stored property ${key}: expected ${want}, got ${got === null ? 'null' : typeof got}`);
}

export const str = (p: Props, key: string): string => {
  const v = p[key];
  return typeof v === 'string' ? v : fail(key, 'a string', v);
};
export const strOrNull = (p: Props, key: string): string | null => (p[key] === undefined || p[key] === null ? null : str(p, key));
export const num = (p: Props, key: string): number => {
  const v = p[key];
  return typeof v === 'number' ? v : fail(key, 'a number', v);
};
export const numOrNull = (p: Props, key: string): number | null => (p[key] === undefined || p[key] === null ? null : num(p, key));
export const fenOrNull = (p: Props, key: string): bigint | null => {
  const v = p[key];
  return v === undefined || v === null ? null : typeof v === 'bigint' ? v : fail(key, 'an amount in fen', v);
};
export const bool = (p: Props, key: string): boolean => p[key] === true;
export const strings = (p: Props, key: string): string[] => {
  const v = p[key];
  return Array.isArray(v) ? v.map(String) : [];
};
export const oneOf = <T extends string>(p: Props, key: string, values: readonly T[]): T => {
  const v = str(p, key);
  const found = values.find((x) => x === v);
  return found ?? fail(key, values.join(' | '), v);
};

/** A map (a node's properties, a projected map), checked: never an unchecked cast. */
export function isProps(value: unknown): value is Props {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A list of maps (absent = empty). */
export const list = (p: Props, key: string): Props[] => {
  const v = p[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail(key, 'a list', v);
  return v.map((x: unknown, i) => (isProps(x) ? x : fail(`${key}[${i}]`, 'a map', x)));
};
export const props = (p: Props, key: string): Props => {
  const v = p[key];
  return isProps(v) ? v : fail(key, 'a map', v);
};

export const fen = (p: Props, key: string): bigint => fenOrNull(p, key) ?? fail(key, 'an amount in fen', p[key]);
export const boolOrNull = (p: Props, key: string): boolean | null => {
  const v = p[key];
  return v === undefined || v === null ? null : typeof v === 'boolean' ? v : fail(key, 'a boolean', v);
};
export const strictBool = (p: Props, key: string): boolean => boolOrNull(p, key) ?? fail(key, 'a boolean', p[key]);

/** A reader of one stored property. */
export type Reader<T> = (p: Props, key: string) => T;
/** The row a field spec reads: its type is the spec, so the two cannot drift. */
export type Decoded<S extends Record<string, Reader<unknown>>> = { [K in keyof S]: ReturnType<S[K]> };

/** Reads every field of a spec from stored properties, each checked by its reader. */
export function decode<S extends Record<string, Reader<unknown>>>(p: Props, spec: S): Decoded<S> {
  const out: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(spec)) out[key] = read(p, key);
  // The one cast of the decoders: each field was just read by the reader its type comes from.
  return out as Decoded<S>;
}

/** The own keys of an object literal, typed by its keys (src/keys.ts: every layer's). */
export { keysOf } from '../keys.js';

/** JSON text parsed as unknown: what it holds is checked by the caller's guards, never cast. */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** A JSON object of strings (stored `columns`: header → decimal fen), checked. */
export function stringRecord(value: unknown, what: string): Record<string, string> {
  if (!isProps(value)) return fail(what, 'a map of strings', value);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'string' ? v : fail(`${what}.${k}`, 'a string', v);
  return out;
}
