// A GraphQL enum from a closed set declared once elsewhere (value → its meaning): the schema
// enum and its value descriptions are derived, never written a second time.
import { registerEnumType } from 'type-graphql';
import { keysOf, tableOf } from '../../keys.js';

export function declaredEnum<K extends string>(values: Record<K, string>, name: string, description: string): Record<K, K> {
  const e = mapValues(values, (_, k) => k);
  const valuesConfig: Partial<Record<K, { description: string }>> = {};
  for (const k of keysOf(values)) valuesConfig[k] = { description: values[k] };
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}

/** value → description, from a model table whose entries each carry a `description`. */
export function meanings<K extends string>(table: Record<K, { description: string }>): Record<K, string> {
  return mapValues(table, (v) => v.description);
}

/** A table with each value mapped, its keys kept (in their order). */
export function mapValues<K extends string, V, W>(table: Record<K, V>, f: (value: V, key: K) => W): Record<K, W> {
  return tableOf<K, W>(keysOf(table), (k) => f(table[k], k));
}

/** UPPER_SNAKE name of a PascalCase value (ProjectAllocation → PROJECT_ALLOCATION), as enum values are spelled. */
export function upperSnake(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * A GraphQL enum whose values are spelled UPPER_SNAKE while the code carries the PascalCase
 * value (a Neo4j label): GraphQL maps one to the other at the edge.
 */
export function declaredEnumUpper<K extends string>(values: Record<K, string>, name: string, description: string): Record<string, K> {
  const e: Record<string, K> = {};
  for (const k of keysOf(values)) e[upperSnake(k)] = k;
  const valuesConfig = Object.fromEntries(Object.entries<string>(values).map(([k, d]) => [upperSnake(k), { description: d }]));
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}
