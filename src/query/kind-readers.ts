// A fact kind's read spec, taken from its declaration (src/model/fact-kind.ts): each property
// under its stored name with the reader its type and nullability call for. A row type is then
// Decoded<spec> like every other row, and a declared property is read with no edit here.
import { bool, boolOrNull, fen, fenOrNull, num, numOrNull, oneOf, str, strOrNull, strings, type Reader } from './props.js';
import { propertiesOf, servedNullable, storedName, type FactKindDecl, type PropertyDecl, type StoredOf } from '../model/fact-kind.js';

/** The spec of a kind: stored name → the checked reader of its value. */
export type ReadSpecOf<K extends FactKindDecl> = { [N in keyof StoredOf<K>]: Reader<StoredOf<K>[N]> };

function readerOf(p: PropertyDecl): Reader<unknown> {
  const nullable = servedNullable(p);
  switch (p.type) {
    case 'string':
      return nullable ? strOrNull : str;
    case 'strings':
      return nullable ? (props, key) => (props[key] === undefined || props[key] === null ? null : strings(props, key)) : strings;
    case 'int':
      return nullable ? numOrNull : num;
    case 'boolean':
      // A required tick is stored true or absent (false): bool reads absence as false.
      return nullable ? boolOrNull : bool;
    case 'money':
      return nullable ? fenOrNull : fen;
    case 'enum': {
      const values = p.values ?? [];
      const read: Reader<string> = (props, key) => oneOf(props, key, values);
      return nullable ? (props, key) => (props[key] === undefined || props[key] === null ? null : read(props, key)) : read;
    }
  }
}

export function readSpecOf<K extends FactKindDecl>(kind: K): ReadSpecOf<K> {
  const spec: Record<string, Reader<unknown>> = {};
  for (const [name, p] of propertiesOf(kind)) spec[storedName(name, p)] = readerOf(p);
  // The cast ReadSpecOf's mapped type needs: each reader was chosen by the type it is keyed under.
  return spec as ReadSpecOf<K>;
}
