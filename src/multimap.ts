// Grouping values by key in place. A list is pushed to, never copied: copying it per value
// (`map.set(k, [...(map.get(k) ?? []), v])`) made planning a 40,000-row table quadratic (issue 24).

/** Appends `value` to the list `map` holds for `key`, creating it on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
