// Query limits: depth (a validation rule) and cost (graphql-query-complexity, where a list's
// cost is its children's times `first`, or a fixed fan-out for lists without `first`).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, isListType, getNullableType, Kind, type ASTNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValidationRule } from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator, getComplexity as GetComplexity } from 'graphql-query-complexity';

// Its ESM build imports graphql/index.mjs, a second copy of graphql beside the CommonJS one
// type-graphql uses ("Cannot use GraphQLObjectType from another realm"); the CJS build shares it.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as { getComplexity: typeof GetComplexity };

export const MAX_DEPTH = 12;
export const MAX_COST = 50_000;
/**
 * Assumed size of a list field that takes no `first`. Fields that know better declare their
 * typical size as `complexity` (e.g. a project has one allocation per year: 5).
 */
export const LIST_FAN_OUT = 20;

function tooComplex(message: string, extra: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...extra } });
}

/** Rejects operations nested deeper than `max` fields. Introspection (__schema, __type) is exempt. */
export function depthLimit(max: number = MAX_DEPTH): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf((sel as FieldNode).selectionSet, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel.selectionSet, seen));
        } else {
          const name = sel.name.value;
          const frag = fragments.get(name);
          if (frag && !seen.has(name)) deepest = Math.max(deepest, depthOf(frag.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) context.reportError(tooComplex(`Query is ${depth} levels deep; the limit is ${max}. Split it into several queries.`, { depth, maxDepth: max }));
      },
    };
  };
}

/** Cost of a field: 1 + children × (first, or the fan-out for unbounded lists). */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // A connection's edges/nodes are the page already paid for by the connection's `first`.
  if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return childComplexity;
  const first = typeof args.first === 'number' ? args.first : null;
  const isList = isListType(getNullableType(field.type));
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  if (first !== null && (isList || isConnection)) return 1 + childComplexity * Math.max(first, 1);
  if (isConnection) return 1 + childComplexity * 20; // default page
  const hint = field.extensions?.complexity;
  if (isList) return 1 + childComplexity * (typeof hint === 'number' ? hint : LIST_FAN_OUT);
  return 1 + childComplexity;
};

export function complexityPlugin(schema: GraphQLSchema, max: number = MAX_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({ schema, query: document, variables: request.variables ?? {}, operationName: request.operationName ?? undefined, estimators: [costEstimator] });
          if (cost > max) throw tooComplex(`Query cost ${cost} exceeds the limit of ${max}. Ask for smaller pages (first) or fewer nested lists.`, { cost, maxCost: max });
        },
      };
    },
  };
}
