// The GraphQL fields of a fact kind, built from its declaration (src/model/fact-kind.ts): one
// type-graphql @Field per declared property, applied in a loop, so a property declared in the
// model is served with no edit here. Money is served as Decimal (万元) under its own name from the
// row's `<name>Fen`; a property with an apiName is served under that name.
import { Field, Int } from 'type-graphql';
import type { GraphQLScalarType } from 'graphql';
import { DecimalScalar } from './scalars.js';
import { apiName, propertiesOf, storedName, type FactKindDecl, type PropertyType } from '../../model/fact-kind.js';

const GRAPHQL_TYPE: Record<PropertyType, GraphQLScalarType | StringConstructor | BooleanConstructor> = {
  string: String,
  int: Int,
  boolean: Boolean,
  money: DecimalScalar,
};

/** Declares every property of `kind` as a field of the object type `target` (call it right after the class). */
export function declareKindFields(target: abstract new (...args: never[]) => unknown, kind: FactKindDecl): void {
  for (const [name, p] of propertiesOf(kind)) {
    const key = storedName(name, p);
    const served = apiName(name, p);
    const type = GRAPHQL_TYPE[p.type];
    Field(() => type, { ...(served !== key ? { name: served } : {}), ...(p.nullable ? { nullable: true } : {}), description: p.description })(target.prototype as object, key);
  }
}
