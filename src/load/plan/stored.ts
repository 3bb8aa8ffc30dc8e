// A fact's declared properties as load parameters, taken from its kind's declaration (src/model/
// fact-kind.ts) instead of a hand list per kind: each under its stored name, money and whole
// numbers as Neo4j Integers (never a float), text and ticks as they are, in declaration order.
import type { Integer } from 'neo4j-driver';
import { propertiesOf, storedName, type FactKindDecl, type PropertyDecl, type RecordOf, type StoredName } from '../../model/fact-kind.js';
import { int, n } from './values.js';

type Param<P extends PropertyDecl> = P['type'] extends 'money' | 'int' ? Integer | null : P extends { nullable: true } ? (P['type'] extends 'string' ? string : boolean) | null : P['type'] extends 'string' ? string : boolean;

/** The load parameters of a kind's properties. */
export type StoredParamsOf<K extends FactKindDecl> = {
  -readonly [N in keyof K['properties'] & string as StoredName<N, K['properties'][N]>]: Param<K['properties'][N]>;
};

function param(p: PropertyDecl, value: unknown): unknown {
  if (p.type === 'money') return int(value as bigint | null);
  if (p.type === 'int') return n(value as number | null);
  return value;
}

/**
 * `beside` puts values the load derives right after a declared property (normName after name), so
 * a row's keys keep the order its plans were fingerprinted with (scripts/pipeline-fingerprint.ts).
 */
export function storedValues<K extends FactKindDecl, B extends Record<string, unknown> = Record<never, never>>(
  kind: K,
  record: RecordOf<K>,
  beside?: { after: keyof K['properties'] & string; values: B },
): StoredParamsOf<K> & B {
  const values: Record<string, unknown> = record;
  const out: Record<string, unknown> = {};
  for (const [name, p] of propertiesOf(kind)) {
    out[storedName(name, p)] = param(p, values[name]);
    if (beside?.after === name) Object.assign(out, beside.values);
  }
  // The cast StoredParamsOf's mapped type needs: each value was converted by the type it is keyed under.
  return out as StoredParamsOf<K> & B;
}
