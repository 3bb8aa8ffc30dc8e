// Executes a query that has been asked before with graphql-jit: the operation compiled once into
// JavaScript (the same resolvers, called the same way) instead of graphql-js walking its AST for
// every field of every row — for a page of 100, thousands of field visits a request, each
// building arguments, a path and a resolve-info.
//
// Wired through Apollo's gateway interface (its one hook for an executor), so everything before
// execution is Apollo's as before: parse (with its token limit), validation (our depth, cost,
// alias and directive rules, introspection's own bounds), the plugins' didResolveOperation (the
// cost plugin, the watched reads). What is compiled:
// - queries only (a mutation writes once; graphql-js runs it as before);
// - an operation text seen before (`compileAfter` askings): a text asked once is run by
//   graphql-js, so a stream of one-off texts costs no compilations; the compiled ones are kept
//   in a bounded LRU keyed by the text's hash and operation name;
// - what graphql-jit compiles: anything it refuses is run by graphql-js, and remembered.
// Variables are coerced by graphql-js first: its errors (codes, messages, the nodes Apollo
// reads to call them BAD_USER_INPUT) are what a client gets, exactly as without compilation.
import { execute, getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** What Apollo hands an executor (a subset of GatewayGraphQLRequestContext). */
export interface ExecutionRequest {
  readonly queryHash: string;
  readonly document: DocumentNode;
  readonly operationName: string | null;
  readonly operation: OperationDefinitionNode;
  /** The request's context (ApiContext), handed to the resolvers untouched. */
  readonly context: unknown;
  readonly request: { readonly variables?: Record<string, unknown> };
}

export interface CompiledExecutionOptions {
  /** Askings of one text run by graphql-js before it is compiled (the next one compiles it). */
  compileAfter?: number;
  /** Compiled operations kept. */
  maxCompiled?: number;
  /** Texts whose askings are counted before they are compiled. */
  maxCounted?: number;
}

/** How each asking was executed (counted for tests and the bench; never reset). */
export interface ExecutionCounts {
  interpreted: number;
  compiled: number;
  compilations: number;
  refused: number;
}

const REFUSED = 'refused';

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => value instanceof Promise;

/**
 * graphql-jit raises the errors of execution itself (a null in a non-null field, a value its
 * scalar cannot serialize) with no originalError, where graphql-js wraps the error it threw: a
 * plain Error for the null, the scalar's GraphQLError for a value. What a client is sent does not
 * depend on it, but the log does: a null where none may be is this server's bug, logged as an
 * internal error by its cause (status-plugin.ts). Each such error gets graphql-js's cause.
 */
function withCauses(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => !e.originalError)) return result;
  const errors = result.errors.map((e) => {
    if (e.originalError) return e;
    const cause = e.message.startsWith('Cannot return null for non-nullable field') ? new Error(e.message) : new GraphQLError(e.message);
    const caused = new GraphQLError(e.message, { path: e.path, originalError: cause, extensions: e.extensions });
    // graphql-js finds the locations from its AST nodes, which graphql-jit's error does not carry.
    Object.defineProperty(caused, 'locations', { value: e.locations, enumerable: true, writable: true, configurable: true });
    return caused;
  });
  return { ...result, errors };
}

export class CompiledExecution {
  readonly counts: ExecutionCounts = { interpreted: 0, compiled: 0, compilations: 0, refused: 0 };
  private readonly compiled: LRUCache<string, CompiledQuery | typeof REFUSED>;
  private readonly askings: LRUCache<string, number>;
  private readonly compileAfter: number;

  constructor(
    private readonly schema: GraphQLSchema,
    { compileAfter = 1, maxCompiled = 500, maxCounted = 5_000 }: CompiledExecutionOptions = {},
  ) {
    this.compileAfter = compileAfter;
    this.compiled = new LRUCache({ max: maxCompiled });
    this.askings = new LRUCache({ max: maxCounted });
  }

  async execute(req: ExecutionRequest): Promise<ExecutionResult> {
    const compiled = this.compiledFor(req);
    if (!compiled) {
      this.counts.interpreted++;
      return this.interpret(req);
    }
    const variables = req.request.variables ?? {};
    if (req.operation.variableDefinitions?.length) {
      const coerced = getVariableValues(this.schema, req.operation.variableDefinitions, variables, { maxErrors: 50 });
      // graphql-js's own answer to bad variables: it stops before any resolver, as before.
      if (coerced.errors) return { errors: coerced.errors };
    }
    this.counts.compiled++;
    const result = compiled.query(undefined, req.context, variables);
    return isPromise(result) ? result.then(withCauses) : withCauses(result);
  }

  private interpret(req: ExecutionRequest): Promise<ExecutionResult> | ExecutionResult {
    return execute({
      schema: this.schema,
      document: req.document,
      contextValue: req.context,
      variableValues: req.request.variables,
      operationName: req.operationName ?? undefined,
    });
  }

  private compiledFor(req: ExecutionRequest): CompiledQuery | null {
    if (req.operation.operation !== 'query') return null;
    const key = `${req.queryHash}\u0000${req.operationName ?? ''}`;
    const known = this.compiled.get(key);
    if (known !== undefined) return known === REFUSED ? null : known;
    const asked = (this.askings.get(key) ?? 0) + 1;
    if (asked <= this.compileAfter) {
      this.askings.set(key, asked);
      return null;
    }
    this.askings.delete(key);
    const made = compileQuery(this.schema, req.document, req.operationName ?? undefined);
    this.counts.compilations++;
    if (!isCompiledQuery(made)) {
      this.counts.refused++;
      this.compiled.set(key, REFUSED);
      return null;
    }
    this.compiled.set(key, made);
    return made;
  }
}
