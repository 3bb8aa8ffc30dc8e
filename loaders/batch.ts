// DataLoader batch functions: each turns N keys into ONE Cypher round-trip (a `key, value`
// statement in cypher/) and hands the values back in key order, as DataLoader requires.
import type { Repository } from '../src/query/repository.js';
import type { BatchStatement } from '../src/db/statements.generated.js';

type Map_<T> = (p: Record<string, unknown>) => T;

/** Exactly one value per key (null when the graph has none). */
export function oneEach<T>(repo: Repository, statement: BatchStatement, map?: Map_<T>) {
  return async (keys: readonly string[]): Promise<(T | null)[]> => {
    const grouped = await repo.batch<T>(statement, keys, map);
    return keys.map((k) => grouped.get(k)?.[0] ?? null);
  };
}

/** A list of values per key, in the statement's order (empty when the graph has none). */
export function listEach<T>(repo: Repository, statement: BatchStatement, map?: Map_<T>) {
  return async (keys: readonly string[]): Promise<T[][]> => {
    const grouped = await repo.batch<T>(statement, keys, map);
    return keys.map((k) => grouped.get(k) ?? []);
  };
}
