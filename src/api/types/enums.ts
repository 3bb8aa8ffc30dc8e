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
