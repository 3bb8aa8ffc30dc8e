// A GraphQL enum from a closed set declared once elsewhere (value → its meaning): the schema
// enum and its value descriptions are derived, never written a second time.
import { registerEnumType } from 'type-graphql';

export function declaredEnum<K extends string>(values: Record<K, string>, name: string, description: string): { [P in K]: P } {
  const e = Object.fromEntries(Object.keys(values).map((k) => [k, k])) as { [P in K]: P };
  const valuesConfig = Object.fromEntries(Object.entries<string>(values).map(([k, d]) => [k, { description: d }])) as Partial<Record<K, { description: string }>>;
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}

/** value → description, from a model table whose entries each carry a `description`. */
export function meanings<K extends string>(table: Record<K, { description: string }>): Record<K, string> {
  return Object.fromEntries(Object.entries<{ description: string }>(table).map(([k, v]) => [k, v.description])) as Record<K, string>;
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
  const e = Object.fromEntries(Object.keys(values).map((k) => [upperSnake(k), k])) as Record<string, K>;
  const valuesConfig = Object.fromEntries(Object.entries<string>(values).map(([k, d]) => [upperSnake(k), { description: d }]));
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}
