// A fact's declared properties as load parameters, taken from its kind's declaration (src/model/
// fact-kind.ts) instead of a hand list per kind: each under its stored name, money and whole
// numbers as Neo4j Integers (never a float), text and ticks as they are, in declaration order.
import type { Integer } from 'neo4j-driver';
import { FactKindError, propertiesOf, storedName, type FactKindDecl, type PropertyDecl, type RecordOf, type StoredName, type ValueOf } from '../../model/fact-kind.js';
import { int, n } from './values.js';

type Param<P extends PropertyDecl> = P['type'] extends 'money' | 'int' ? Integer | null : ValueOf<P>;

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
 * `after` puts values the load derives right after a declared property (normName after name), so
 * a row's keys keep the order its plans were fingerprinted with (scripts/pipeline-fingerprint.ts).
 */
export function storedValues<K extends FactKindDecl, A extends Partial<Record<keyof K['properties'], Record<string, unknown>>> = Record<never, never>>(
  kind: K,
  record: RecordOf<K>,
  after?: A,
): StoredParamsOf<K> & Beside<A> {
  const values: Record<string, unknown> = record;
  const extra: Partial<Record<string, Record<string, unknown>>> = after ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, p] of propertiesOf(kind)) {
    if (values[name] === undefined && p.optional) out[storedName(name, p)] = null;
    else if (values[name] === undefined) throw new FactKindError('MISSING_VALUE', `${kind.name}.${name}: the parsed record has no value (its reader sets it, null when the document prints none)`);
    else out[storedName(name, p)] = param(p, values[name]);
    Object.assign(out, extra[name]);
  }
  // The cast StoredParamsOf's mapped type needs: each value was converted by the type it is keyed under.
  return out as StoredParamsOf<K> & Beside<A>;
}

/** The values put beside the declared ones, merged into one row type. */
type Beside<A> = UnionToIntersection<A[keyof A]> extends infer R ? (R extends Record<string, unknown> ? R : Record<never, never>) : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
