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

/** Values the load derives, put right after a declared property (see storedValues). */
type After<K extends FactKindDecl> = Partial<Record<keyof K['properties'], Record<string, unknown>>>;

function param(kind: FactKindDecl, name: string, p: PropertyDecl, value: unknown): unknown {
  // Money is bigint fen and a whole number a number in every record (RecordOf): anything else is a reader's bug, said by name.
  if (p.type === 'money' && (value === null || typeof value === 'bigint')) return int(value);
  if (p.type === 'int' && (value === null || typeof value === 'number')) return n(value);
  if (p.type === 'money' || p.type === 'int') throw new FactKindError('WRONG_TYPE', `${kind.name}.${name}: the parsed record holds ${typeof value}, not ${p.type === 'money' ? 'bigint fen' : 'a number'}`);
  return value;
}

/**
 * The stored values of a kind whose record the load builds property by property (an allocation
 * merges its listings): `valueOf` gives each declared property's value, undefined when no record
 * has it (then it is stored null if optional, else the load stops naming it). `after` puts values
 * the load derives right after a declared property (normName after name), so a row's keys keep the
 * order its plans were fingerprinted with (scripts/pipeline-fingerprint.ts).
 */
export function storedValuesOf<K extends FactKindDecl, A extends After<K> = Record<never, never>>(kind: K, valueOf: (name: string, p: PropertyDecl) => unknown, after?: A): StoredParamsOf<K> & Beside<A> {
  const extra: Partial<Record<string, Record<string, unknown>>> = after ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, p] of propertiesOf(kind)) {
    const value = valueOf(name, p);
    if (value === undefined && p.optional) out[storedName(name, p)] = null;
    else if (value === undefined) throw new FactKindError('MISSING_VALUE', `${kind.name}.${name}: the parsed record has no value (its reader sets it, null when the document prints none)`);
    else out[storedName(name, p)] = param(kind, name, p, value);
    Object.assign(out, extra[name]);
  }
  // The one cast StoredParamsOf's mapped type needs (a type over the declaration's keys cannot be built key by key): each value was converted by the type it is keyed under.
  return out as StoredParamsOf<K> & Beside<A>;
}

/** The stored values of one parsed record of the kind (see storedValuesOf). */
export function storedValues<K extends FactKindDecl, A extends After<K> = Record<never, never>>(kind: K, record: RecordOf<K>, after?: A): StoredParamsOf<K> & Beside<A> {
  const values: Record<string, unknown> = record;
  return storedValuesOf(kind, (name) => values[name], after);
}

/** The values put beside the declared ones, merged into one row type. */
type Beside<A> = UnionToIntersection<A[keyof A]> extends infer R ? (R extends Record<string, unknown> ? R : Record<never, never>) : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
