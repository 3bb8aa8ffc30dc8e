// The keys and entries of an object literal, typed by its keys. `Object.keys(o) as K[]` is a cast
// the compiler cannot check (an object may carry more keys than its type names); for…in over own
// keys gives the same list in the same order with no cast. A leaf: every layer may import it.

/** The own keys of an object literal, typed by its keys, in their order. */
export function keysOf<T extends object>(o: T): Extract<keyof T, string>[] {
  const out: Extract<keyof T, string>[] = [];
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) out.push(k);
  return out;
}

/** The own [key, value] pairs of an object literal, typed by its keys and values. */
export function entriesOf<T extends object>(o: T): [Extract<keyof T, string>, T[Extract<keyof T, string>]][] {
  return keysOf(o).map((k) => [k, o[k]]);
}

/** A table with one value for each key of `keys`, in their order: `Record<K, V>` without a cast. */
export function tableOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out: Partial<Record<K, V>> = {};
  for (const k of keys) out[k] = value(k);
  // Every key of K was just set — but TypeScript cannot see that a loop over K[] covers K.
  return out as Record<K, V>;
}

/** Whether `key` is an own key of the object literal `o`: narrows a string to its keys, no cast. */
export function isKeyOf<T extends object>(o: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(o, key);
}
