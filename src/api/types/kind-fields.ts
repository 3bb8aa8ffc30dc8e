// The GraphQL fields of a fact kind, built from its declaration (src/model/fact-kind.ts): one
// type-graphql @Field per declared property, applied in a loop, so a property declared in the
// model is served with no edit here. Money is served as Decimal (万元) under its own name from the
// row's `<name>Fen`; a property with an apiName is served under that name.
import { Field, Int } from 'type-graphql';
import type { GraphQLScalarType } from 'graphql';
import { DecimalScalar } from './scalars.js';
import { FactKindError, apiName, propertiesOf, servedNullable, storedName, type FactKindDecl, type PropertyDecl, type PropertyType } from '../../model/fact-kind.js';

const SCALAR: Record<Exclude<PropertyType, 'enum'>, GraphQLScalarType | StringConstructor | BooleanConstructor | [StringConstructor]> = {
  string: String,
  strings: [String],
  int: Int,
  boolean: Boolean,
  money: DecimalScalar,
};

/** The GraphQL enums (registered with type-graphql) a kind's enum properties are served as, by name. */
export type Enums = Readonly<Record<string, object>>;

/**
 * Declares every property of `kind` as a field of the object type `target` (call it right after
 * the class); `enums` holds the registered enum of each enumName the kind uses; `only` picks the
 * properties a class serves when a kind's fields are split over classes (ThreeCosts' figures).
 */
export function declareKindFields(target: abstract new (...args: never[]) => unknown, kind: FactKindDecl, enums: Enums = {}, only: (p: PropertyDecl) => boolean = () => true): void {
  for (const [name, p] of propertiesOf(kind)) {
    if (!only(p)) continue;
    const key = storedName(name, p);
    const served = apiName(name, p);
    const type = p.type !== 'enum' ? SCALAR[p.type] : p.enumName === undefined ? String : enums[p.enumName];
    if (type === undefined) throw new FactKindError('ENUM_VALUES', `${kind.name}.${name}: the enum ${p.enumName} is not among those passed to declareKindFields`);
    // A class's prototype is typed any (Function.prototype): the decorator gets the object it is.
    const prototype: object = target.prototype;
    Field(() => type, { ...(served !== key ? { name: served } : {}), ...(servedNullable(p) ? { nullable: true } : {}), description: p.description })(prototype, key);
  }
}
