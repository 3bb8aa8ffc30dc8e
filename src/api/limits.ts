// Query limits that follow the real work, checked before anything runs:
// - tokens (the parser stops counting at MAX_TOKENS: parseOptions in http/apollo.ts);
// - aliases and directives (graphql-armor's rules);
// - depth, and a cost in database rows: a list multiplies its children's cost by its page size.
// Depth and cost are computed once per fragment (memoised), so a fragment spread many times, or a
// chain of fragments that each spread the next twice, costs linear time to check — the naive
// expansion is exponential. Introspection is exempt from depth and cost and bounded by its own
// shape instead (one __schema, a few __type, ofType nested no deeper than the standard query).
// At run time the QueryRunner caps the statements one request may send (MAX_DATABASE_QUERIES)
// and the HTTP layer caps the answer's bytes (MAX_ANSWER_BYTES).
import { GraphQLError, Kind, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType, type DocumentNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule, type ASTVisitor, type ValueNode } from 'graphql';
import { createRequire } from 'node:module';

// The armor rules' ESM builds import graphql/index.mjs, a second copy of graphql beside the
// CommonJS one type-graphql uses ("another realm"); their CJS builds share it.
const require = createRequire(import.meta.url);
type ArmorRule = (options: Record<string, unknown>) => ValidationRule;
// require() is untyped (any): the annotations below are the rules' documented signatures.
const { maxAliasesRule }: { maxAliasesRule: ArmorRule } = require('@escape.tech/graphql-armor-max-aliases');
const { maxDirectivesRule }: { maxDirectivesRule: ArmorRule } = require('@escape.tech/graphql-armor-max-directives');

export const LIMITS = {
  /** Lexical tokens in one request's query text. */
  maxTokens: 5_000,
  maxAliases: 30,
  maxDirectives: 20,
  maxDepth: 12,
  /** Estimated database rows one request may touch (lists × their page sizes). */
  maxCost: 50_000,
  /** Statements one request may send to Neo4j (every alias and nested list costs some). */
  maxDatabaseQueries: 100,
  /** Bytes of one answer. */
  maxAnswerBytes: 16 * 1024 * 1024,
  /**
   * `ofType` nesting in introspection: graphql-js's getIntrospectionQuery takes typeDepth up to 100
   * (default 9). A named type's ofType is null, so deeper nesting reads nothing more: the answer
   * stays bounded by the schema whatever the depth.
   */
  maxIntrospectionOfType: 100,
  maxTypeLookups: 10,
} as const;

/**
 * Assumed size of a list field that takes no `first`. Fields that know better declare their
 * typical size as `complexity` (e.g. a project has one allocation per year: 5).
 */
export const LIST_FAN_OUT = 20;
const DEFAULT_PAGE = 20;

export function tooComplex(message: string, extra: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, ...extra } });
}

/** Armor reports through onReject; we report a coded error and let validation continue. */
function armor(rule: ArmorRule, n: number, what: string): ValidationRule {
  return (context) =>
    rule({
      n,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [(_ctx: unknown, err: GraphQLError) => context.reportError(tooComplex(`${err.message.replace(/^Syntax Error: /, '')} Ask for fewer ${what} per request.`, { limit: what, max: n }))],
    })(context);
}

const isIntrospection = (name: string) => name.startsWith('__');

/** Depth of every operation, each fragment's depth computed once. */
export function depthLimit(max: number = LIMITS.maxDepth): ValidationRule {
  return (context) => {
    const memo = new Map<string, number>();
    const depthOf = (set: SelectionSetNode | undefined, active: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (isIntrospection(sel.name.value)) continue;
          deepest = Math.max(deepest, 1 + depthOf(sel.selectionSet, active));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel.selectionSet, active));
        } else {
          deepest = Math.max(deepest, fragmentDepth(sel.name.value, active));
        }
      }
      return deepest;
    };
    const fragmentDepth = (name: string, active: Set<string>): number => {
      const known = memo.get(name);
      if (known !== undefined) return known;
      const frag = context.getFragment(name);
      if (!frag || active.has(name)) return 0; // cycles are reported by graphql's own rule
      active.add(name);
      const d = depthOf(frag.selectionSet, active);
      active.delete(name);
      memo.set(name, d);
      return d;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) context.reportError(tooComplex(`Query is ${depth} levels deep; the limit is ${max}. Split it into several queries.`, { limit: 'depth', depth, maxDepth: max }));
      },
    };
  };
}

/** Introspection bounded by its own shape: what the standard introspection query needs, and no more. */
export function introspectionShape(): ValidationRule {
  return (context): ASTVisitor => {
    let schemaFields = 0;
    let typeLookups = 0;
    let ofTypeDepth = 0;
    return {
      Field: {
        enter(node) {
          const name = node.name.value;
          if (name === '__schema' && ++schemaFields > 1) context.reportError(tooComplex('Ask for __schema once per request.', { limit: 'introspection' }));
          if (name === '__type' && ++typeLookups > LIMITS.maxTypeLookups) context.reportError(tooComplex(`Ask for __type at most ${LIMITS.maxTypeLookups} times per request.`, { limit: 'introspection' }));
          if (name === 'ofType' && ++ofTypeDepth > LIMITS.maxIntrospectionOfType) {
            context.reportError(tooComplex(`ofType is nested more than ${LIMITS.maxIntrospectionOfType} levels deep; no type of this schema needs that.`, { limit: 'introspection' }));
          }
        },
        leave(node) {
          if (node.name.value === 'ofType') ofTypeDepth--;
        },
      },
    };
  };
}

export function validationRules(): ValidationRule[] {
  return [armor(maxAliasesRule, LIMITS.maxAliases, 'aliases'), armor(maxDirectivesRule, LIMITS.maxDirectives, 'directives'), depthLimit(), introspectionShape()];
}

/** A variable's value as the request gives it, else its declared default (a literal). */
type Variables = { given: Record<string, unknown>; defaults: Map<string, ValueNode> };

type ArgumentsOf = { arguments?: readonly { name: { value: string }; value: ValueNode }[] };

/** An argument as the request gives it: a variable's value (or its default literal), else the literal. */
function argumentValue(field: ArgumentsOf, name: string, vars: Variables): { given: unknown } | { literal: ValueNode } | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  if (arg.value.kind !== Kind.VARIABLE) return { literal: arg.value };
  const given = vars.given[arg.value.name.value];
  if (given !== undefined) return { given };
  const fallback = vars.defaults.get(arg.value.name.value);
  return fallback ? { literal: fallback } : null;
}

function intArg(field: ArgumentsOf, name: string, vars: Variables): number | null {
  const v = argumentValue(field, name, vars);
  if (!v) return null;
  if ('given' in v) return typeof v.given === 'number' ? v.given : null;
  return v.literal.kind === Kind.INT ? Number(v.literal.value) : null;
}

/** How many items a list argument holds (nodes(ids: [...])), literal or variable; null when absent. */
function listArgLength(field: ArgumentsOf, name: string, vars: Variables): number | null {
  const v = argumentValue(field, name, vars);
  if (!v) return null;
  if ('given' in v) return Array.isArray(v.given) ? v.given.length : 1;
  return v.literal.kind === Kind.LIST ? v.literal.values.length : 1;
}

/** Scalar values in an argument literal; a variable counts what the request (or its default) gives. */
function valuesIn(node: ValueNode, vars: Variables, budget: number): number {
  switch (node.kind) {
    case Kind.LIST:
      return node.values.reduce((n, v) => (n > budget ? n : n + valuesIn(v, vars, budget - n)), 0);
    case Kind.OBJECT:
      return node.fields.reduce((n, f) => (n > budget ? n : n + valuesIn(f.value, vars, budget - n)), 0);
    case Kind.VARIABLE: {
      const given = vars.given[node.name.value];
      if (given !== undefined) return valuesInJson(given, budget);
      const fallback = vars.defaults.get(node.name.value);
      return fallback ? valuesIn(fallback, vars, budget) : 0;
    }
    default:
      return 1;
  }
}

/** Scalar values in a variable's JSON value, counted iteratively (a 5,000-level nesting cannot overflow). */
function valuesInJson(root: unknown, budget: number): number {
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length && n <= budget) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
    else n++;
  }
  return n;
}

/**
 * Work an argument makes, in the unit of cost: every scalar value a field's arguments carry is
 * compared against the rows it filters, so it is counted; a variable reused by thirty aliases is
 * counted thirty times. The two scalars every list takes (first, after) are in the page size.
 */
function argumentCost(field: { arguments?: readonly { name: { value: string }; value: ValueNode }[] }, vars: Variables): number {
  let n = 0;
  for (const arg of field.arguments ?? []) {
    const name = arg.name.value;
    if (name === 'first' || name === 'after' || name === 'last' || name === 'before') continue;
    const values = valuesIn(arg.value, vars, LIMITS.maxCost);
    // One value is what every argument costs anyway; a list or filter object pays for its size.
    if (values > 1) n += values;
    if (n > LIMITS.maxCost) return n;
  }
  return n;
}

/**
 * Estimated database rows of an operation: 1 per object a field yields, times the page size of
 * every list above it (its `first`, a connection's default page, or the field's declared typical
 * size). Introspection costs nothing here (its shape is bounded by introspectionShape).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  if (!operation) return 0;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const vars: Variables = { given: variables, defaults: new Map() };
  for (const def of operation.variableDefinitions ?? []) if (def.defaultValue) vars.defaults.set(def.variable.name.value, def.defaultValue);
  const memo = new Map<string, number>();

  const costOf = (set: SelectionSetNode | undefined, type: GraphQLNamedType, active: Set<string>): number => {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (isIntrospection(sel.name.value)) continue;
        const field: GraphQLField<unknown, unknown> | undefined = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
        if (!field) continue;
        const named = getNamedType(field.type);
        const child = costOf(sel.selectionSet, named, active);
        const isConnection = named.name.endsWith('Connection');
        // A connection's edges/nodes are the page its own `first` already paid for.
        if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) {
          total += child;
          continue;
        }
        const isList = isListType(getNullableType(field.type));
        // A list fetched by ids (nodes) is as long as the ids asked for.
        const first = intArg(sel, 'first', vars) ?? listArgLength(sel, 'ids', vars);
        const hint = field.extensions?.complexity;
        const size = isList || isConnection ? (first ?? (isConnection ? DEFAULT_PAGE : typeof hint === 'number' ? hint : LIST_FAN_OUT)) : 1;
        total += 1 + argumentCost(sel, vars) + child * Math.max(size, 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += costOf(sel.selectionSet, cond ?? type, active);
      } else {
        const name = sel.name.value;
        let c = memo.get(name);
        if (c === undefined) {
          const frag = fragments.get(name);
          if (!frag || active.has(name)) continue;
          active.add(name);
          c = costOf(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? type, active);
          active.delete(name);
          memo.set(name, c);
        }
        total += c;
      }
      if (total > Number.MAX_SAFE_INTEGER / 2) return total;
    }
    return total;
  };
  return costOf(operation.selectionSet, root, new Set());
}
