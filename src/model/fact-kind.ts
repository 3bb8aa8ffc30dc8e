// How a fact kind is declared: each property once, with its name, type, 中文 label, the
// description the API serves, whether it may be null, whether it is money (and the unit the
// documents print it in) and where it was read. The layers take their field lists from here
// (RecordOf: the parse record; src/load/plan/stored.ts: the load row; src/query/kind-readers.ts:
// the read spec; src/query/projection.ts: the bundle's reads; src/api/types/kind-fields.ts: the
// type-graphql fields; src/model/money-fields.ts: the explorer's money formatting; nodes.ts: the
// kind's term and money), so a property added here reaches all of them with only its reader to
// write (tests/unit/fact-kinds.test.ts shows it). The kinds are in src/model/kinds/.
// The shape follows neo4j/graphql's schema-model (ConcreteEntity → Attribute): an entity with
// named attributes, each carrying its type and annotations; relationships stay in nodes.ts.
import { keysOf } from '../keys.js';

/**
 * string: text as printed; strings: a list of texts as printed (every name a project was printed
 * under); int: a whole number (a year, a level); boolean: a tick; money: an amount in integer fen;
 * enum: one of a closed set of values (served as the GraphQL enum enumName).
 */
export type PropertyType = 'string' | 'strings' | 'int' | 'boolean' | 'money' | 'enum';

/** The unit a money property is printed in, and so served in (the Decimal scalar is 万元). */
export type PrintedIn = '万元';

export interface PropertyDecl {
  type: PropertyType;
  /** 中文: the label the documents print for it (or the term that names it). */
  zh: string;
  /** What it is, in English with its Chinese term: the API field's description, word for word. */
  description: string;
  /** True when a document may not print it (null in every layer). */
  nullable?: true;
  /** Nullable and more: a reader may leave it out of the record altogether (stored as null). */
  optional?: true;
  /**
   * True when every record has it but the graph and the API allow null: read and served as
   * nullable (the API has served it so since it was added), required in the parser's record.
   */
  servedNullable?: true;
  /** Enum only: its values, and the GraphQL enum that serves them (absent: served as a String). */
  values?: readonly string[];
  enumName?: string;
  /** Money only: the unit the documents print it in. Stored and read as `<name>Fen`, served as Decimal 万元. */
  printedIn?: PrintedIn;
  /**
   * Where it was read: `record` (the default) — the record's own line (its source); `field` — a
   * line of its own, kept in the record's fieldSources (a form spreads one fact over many lines).
   */
  provenance?: 'record' | 'field';
  /** The API's name for it when it differs ("truncated" is served as codeTruncated). */
  apiName?: string;
}

export interface FactKindDecl {
  /** The Neo4j label and GraphQL type (a key of NODE_KINDS_DECL in nodes.ts). */
  name: string;
  /** 中文 term; null for a kind the documents have no word for (a listing). */
  zh: string | null;
  properties: Readonly<Record<string, PropertyDecl>>;
}

/** Declares a fact kind; `const` keeps every literal so RecordOf and the derived specs are exact. */
export function defineKind<const K extends FactKindDecl>(kind: K): K {
  for (const [name, p] of Object.entries(kind.properties)) {
    // A money property without its unit (or a unit on anything else) is a declaration error.
    if ((p.type === 'money') !== (p.printedIn !== undefined)) throw new FactKindError('MONEY_UNIT', `${kind.name}.${name}: printedIn is given for money properties and only for them`);
    if (p.optional && !p.nullable) throw new FactKindError('OPTIONAL_NOT_NULLABLE', `${kind.name}.${name}: an optional property is nullable too (absent is stored as null)`);
    if ((p.type === 'enum') !== (p.values !== undefined) || (p.enumName !== undefined && p.type !== 'enum')) throw new FactKindError('ENUM_VALUES', `${kind.name}.${name}: values (and enumName) are given for enum properties and only for them`);
  }
  return kind;
}

export class FactKindError extends Error {
  constructor(
    readonly code: 'MONEY_UNIT' | 'ENUM_VALUES' | 'MISSING_VALUE' | 'WRONG_TYPE' | 'OPTIONAL_NOT_NULLABLE',
    message: string,
  ) {
    super(message);
    this.name = 'FactKindError';
  }
}

type Base<P extends PropertyDecl> = P['type'] extends 'string'
  ? string
  : P['type'] extends 'strings'
    ? string[]
    : P['type'] extends 'int'
    ? number
    : P['type'] extends 'boolean'
      ? boolean
      : P['type'] extends 'enum'
        ? P extends { values: readonly (infer V)[] }
          ? V
          : never
        : bigint;

/** The value of one property in a record: its type, `| null` when nullable. */
export type ValueOf<P extends PropertyDecl> = P extends { nullable: true } ? Base<P> | null : Base<P>;

/** Its value as stored, read and served: `| null` also when servedNullable. */
export type ServedValueOf<P extends PropertyDecl> = P extends { servedNullable: true } ? Base<P> | null : ValueOf<P>;

type OptionalKeys<K extends FactKindDecl> = { [N in keyof K['properties']]: K['properties'][N] extends { optional: true } ? N : never }[keyof K['properties']];

/** The record a parser returns for the kind: every declared property under its own name (optional ones may be absent). */
export type RecordOf<K extends FactKindDecl> = { -readonly [N in Exclude<keyof K['properties'], OptionalKeys<K>>]: ValueOf<K['properties'][N]> } & {
  -readonly [N in OptionalKeys<K>]?: ValueOf<K['properties'][N]>;
};

/** The stored (and read) name of a property: money is integer fen under `<name>Fen`. */
export type StoredName<N extends string, P extends PropertyDecl> = P extends { type: 'money' } ? `${N}Fen` : N;

/** The properties of a kind as stored on its node (and read back into its row). */
export type StoredOf<K extends FactKindDecl> = {
  -readonly [N in keyof K['properties'] & string as StoredName<N, K['properties'][N]>]: ServedValueOf<K['properties'][N]>;
};

/** The names of the properties read from a line of their own (kept in fieldSources). */
export type FieldSourced<K extends FactKindDecl> = { [N in keyof K['properties']]: K['properties'][N] extends { provenance: 'field' } ? N : never }[keyof K['properties']];

/** Whether the graph and the API allow null for it. */
export const servedNullable = (p: PropertyDecl): boolean => p.nullable === true || p.servedNullable === true;

export const storedName = (name: string, p: PropertyDecl): string => (p.type === 'money' ? `${name}Fen` : name);

/** The API's name of a property (its own unless apiName says otherwise). */
export const apiName = (name: string, p: PropertyDecl): string => p.apiName ?? name;

/** Each property of a kind as [name, declaration], in declaration order. */
export const propertiesOf = (kind: FactKindDecl): [string, PropertyDecl][] => Object.entries(kind.properties);

/** The names of the properties with their own line (fieldSources), in declaration order. */
export function fieldSourced<K extends FactKindDecl>(kind: K): FieldSourced<K>[] {
  const out: FieldSourced<K>[] = [];
  for (const name of keysOf<K['properties']>(kind.properties)) if (isFieldSourced(kind, name)) out.push(name);
  return out;
}

/** FieldSourced's own condition, checked at run time: the property is read from a line of its own. */
const isFieldSourced = <K extends FactKindDecl>(kind: K, name: Extract<keyof K['properties'], string>): name is Extract<FieldSourced<K>, string> => {
  const properties: FactKindDecl['properties'] = kind.properties;
  return properties[name]?.provenance === 'field';
};

/** The stored names of a kind's money properties (NODE_KINDS_DECL's money list). */
export const moneyStoredNames = (kind: FactKindDecl): string[] =>
  propertiesOf(kind)
    .filter(([, p]) => p.type === 'money')
    .map(([name, p]) => storedName(name, p));
