// Typed reads of stored node properties (already converted by mapping.ts: money as bigint, other
// integers as number). Row mappers build their row field by field through these, so a row type
// and what the statement returns cannot drift silently: a missing or mistyped property throws.
export type Props = Record<string, unknown>;

function fail(key: string, want: string, got: unknown): never {
  throw new Error(`stored property ${key}: expected ${want}, got ${got === null ? 'null' : typeof got}`);
}

export const str = (p: Props, key: string): string => (typeof p[key] === 'string' ? (p[key] as string) : fail(key, 'a string', p[key]));
export const strOrNull = (p: Props, key: string): string | null => (p[key] === undefined || p[key] === null ? null : str(p, key));
export const num = (p: Props, key: string): number => (typeof p[key] === 'number' ? (p[key] as number) : fail(key, 'a number', p[key]));
export const numOrNull = (p: Props, key: string): number | null => (p[key] === undefined || p[key] === null ? null : num(p, key));
export const fenOrNull = (p: Props, key: string): bigint | null => (p[key] === undefined || p[key] === null ? null : typeof p[key] === 'bigint' ? (p[key] as bigint) : fail(key, 'an amount in fen', p[key]));
export const bool = (p: Props, key: string): boolean => p[key] === true;
export const strings = (p: Props, key: string): string[] => (Array.isArray(p[key]) ? (p[key] as unknown[]).map(String) : []);
export const oneOf = <T extends string>(p: Props, key: string, values: readonly T[]): T => {
  const v = str(p, key);
  return (values as readonly string[]).includes(v) ? (v as T) : fail(key, values.join(' | '), v);
};
/** A list of maps (absent = empty). */
export const list = (p: Props, key: string): Props[] => (p[key] === undefined || p[key] === null ? [] : Array.isArray(p[key]) ? (p[key] as unknown[]).map((x, i) => (x !== null && typeof x === 'object' ? (x as Props) : fail(`${key}[${i}]`, 'a map', x))) : fail(key, 'a list', p[key]));
export const props = (p: Props, key: string): Props => (p[key] !== null && typeof p[key] === 'object' ? (p[key] as Props) : fail(key, 'a map', p[key]));
