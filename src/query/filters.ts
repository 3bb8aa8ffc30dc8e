// List filters with AND / OR / NOT, as the Cypher of a page statement evaluates them: a filter
// tree becomes a disjunction of conjunctions of atoms ($where: [[{f, neg, v}]]), each atom one
// field test the statement knows by name. Cypher cannot recurse over a parameter, but it can
// evaluate `any(clause IN $where WHERE all(atom IN clause WHERE <test of atom.f> <> atom.neg))`,
// so no request text ever becomes Cypher.
import { keyOf } from '../model/ids.js';
import neo4j from 'neo4j-driver';
import { BudgetGraphError } from '../errors.js';

/** One field test: `f` names the test in the statement, `v` its value, `neg` negates it. */
export interface Atom {
  f: string;
  neg: boolean;
  v: unknown;
}

/** How a filter field becomes an atom: the atom name and how its value travels to Cypher. */
export interface AtomSpec {
  atom: string;
  /** documentId / departmentRef(s): strings that may come as global ids ("Document:…"); the key is matched. */
  value: 'string' | 'documentId' | 'departmentRef' | 'departmentRefs' | 'int' | 'fen' | 'boolean' | 'strings' | 'ints';
}

export type FilterFields = Record<string, AtomSpec>;

/** Filter objects as GraphQL hands them over: fields plus AND / OR / NOT sub-filters. */
export type FilterTree = object;

/** A filter object (GraphQL hands over input objects; a list or a scalar here is a bug). */
export function isFilterTree(value: unknown): value is FilterTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function treeOf(value: unknown, field: string): FilterTree {
  if (isFilterTree(value)) return value;
  throw new Error(`filter field ${field} is not a filter object`);
}

function treesOf(value: unknown, field: string): FilterTree[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw new Error(`filter field ${field} is not a list of filter objects`);
  return value.map((x: unknown) => treeOf(x, field));
}

/** The AND / OR / NOT sub-filters of a filter object, each checked to be a filter object. */
export function subFilters(tree: FilterTree): { and: FilterTree[] | null; or: FilterTree[] | null; not: FilterTree | null } {
  const not = 'not' in tree ? tree.not : null;
  return {
    and: treesOf('and' in tree ? tree.and : null, 'and'),
    or: treesOf('or' in tree ? tree.or : null, 'or'),
    not: not === undefined || not === null || not === false ? null : treeOf(not, 'not'),
  };
}

type Expr = { atom: Atom } | { and: Expr[] } | { or: Expr[] };

/** Bounds that keep the expanded filter small: it is evaluated for every candidate row. */
export const FILTER_LIMITS = { clauses: 64, atomsPerClause: 32, depth: 6, listValues: 100 } as const;

function tooComplex(message: string): BudgetGraphError {
  return new BudgetGraphError('BAD_USER_INPUT', `${message} Simplify the filter (fewer OR branches, or split the question).`, { argument: 'filter' });
}

/** An integer filter value (GraphQL Int: a number) as a Neo4j integer. */
function intOf(field: string, raw: unknown): ReturnType<typeof neo4j.int> {
  if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'string') return neo4j.int(raw);
  throw new Error(`filter field ${field} is not an integer`);
}

/** A list filter value, checked: not empty, not too long. */
function listOf(field: string, raw: unknown): unknown[] {
  if (!Array.isArray(raw)) throw new Error(`filter field ${field} is not a list`);
  if (raw.length === 0) throw new BudgetGraphError('BAD_USER_INPUT', `filter field ${field} is an empty list; leave it out to match everything.`, { argument: 'filter' });
  if (raw.length > FILTER_LIMITS.listValues) throw tooComplex(`filter field ${field} lists ${raw.length} values (at most ${FILTER_LIMITS.listValues}).`);
  return raw;
}

function valueOf(spec: AtomSpec, field: string, raw: unknown): unknown {
  switch (spec.value) {
    case 'fen':
      return neo4j.int(String(raw));
    case 'int':
      return intOf(field, raw);
    case 'ints':
      return listOf(field, raw).map((x) => intOf(field, x));
    case 'strings':
      return listOf(field, raw);
    case 'departmentRef':
      return keyOf('Department', String(raw));
    case 'departmentRefs':
      return listOf(field, raw).map((d) => keyOf('Department', String(d)));
    case 'documentId':
      return keyOf('Document', String(raw));
    default:
      return raw;
  }
}

function toExpr(filter: FilterTree, fields: FilterFields, depth: number): Expr {
  if (depth > FILTER_LIMITS.depth) throw tooComplex(`The filter nests AND / OR / NOT deeper than ${FILTER_LIMITS.depth} levels.`);
  const parts: Expr[] = [];
  for (const [field, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null || field === 'and' || field === 'or' || field === 'not') continue;
    const spec = fields[field];
    // The GraphQL input type and this table are declared side by side; a field without a spec is a bug.
    if (!spec) throw new Error(`filter field ${field} has no atom`);
    parts.push({ atom: { f: spec.atom, neg: false, v: valueOf(spec, field, raw) } });
  }
  const { and, or, not } = subFilters(filter);
  for (const sub of and ?? []) parts.push(toExpr(sub, fields, depth + 1));
  if (or) parts.push({ or: or.map((sub) => toExpr(sub, fields, depth + 1)) });
  if (not) parts.push(negate(toExpr(not, fields, depth + 1)));
  return { and: parts };
}

function negate(e: Expr): Expr {
  if ('atom' in e) return { atom: { ...e.atom, neg: !e.atom.neg } };
  if ('and' in e) return { or: e.and.map(negate) };
  return { and: e.or.map(negate) };
}

function dnf(e: Expr): Atom[][] {
  if ('atom' in e) return [[e.atom]];
  if ('or' in e) {
    // OR of nothing matches nothing.
    const out = e.or.flatMap(dnf);
    if (out.length > FILTER_LIMITS.clauses) throw tooComplex(`The filter expands to more than ${FILTER_LIMITS.clauses} alternatives.`);
    return out;
  }
  let out: Atom[][] = [[]];
  for (const part of e.and) {
    const next: Atom[][] = [];
    for (const left of out) for (const right of dnf(part)) next.push([...left, ...right]);
    if (next.length > FILTER_LIMITS.clauses) throw tooComplex(`The filter expands to more than ${FILTER_LIMITS.clauses} alternatives.`);
    if (next.some((c) => c.length > FILTER_LIMITS.atomsPerClause)) throw tooComplex(`The filter combines more than ${FILTER_LIMITS.atomsPerClause} tests in one alternative.`);
    out = next;
  }
  return out;
}

/** The $where parameter of a page statement: [[]] (one empty clause) matches every row. */
export function whereOf(filter: FilterTree | null | undefined, fields: FilterFields): Atom[][] {
  if (!filter) return [[]];
  return dnf(toExpr(filter, fields, 0));
}

/**
 * One naming rule for list filters: a field or argument that takes a list of values is
 * "<field>In" (yearIn, departmentIn, kindIn, codeIn). The older plural names (years, codes,
 * documentKinds, kinds) are still taken, marked @deprecated in the schema; both names of one
 * field at once are a BAD_USER_INPUT rather than a silent choice of one.
 */
export function eitherName<T>(current: T | null | undefined, deprecated: T | null | undefined, currentName: string, deprecatedName: string, argument: string): T | undefined {
  if (current !== undefined && current !== null && deprecated !== undefined && deprecated !== null) {
    throw new BudgetGraphError('BAD_USER_INPUT', `${deprecatedName} is the old name of ${currentName} (deprecated); give ${currentName} only.`, { argument });
  }
  return current ?? deprecated ?? undefined;
}

/**
 * A filter tree with fields renamed (through and / or / not), for a statement table that still
 * knows a field by another name; a filter object giving both names is a BAD_USER_INPUT.
 */
export function renameFilterFields(tree: FilterTree, renames: Readonly<Record<string, string>>): FilterTree {
  const node = new Map<string, unknown>(Object.entries(tree));
  const out: Record<string, unknown> = {};
  for (const [field, raw] of node) {
    if (raw === undefined || raw === null) continue;
    if (field === 'and' || field === 'or') out[field] = (treesOf(raw, field) ?? []).map((sub) => renameFilterFields(sub, renames));
    else if (field === 'not') out[field] = renameFilterFields(treeOf(raw, field), renames);
    else {
      const to = renames[field] ?? field;
      const other = Object.entries(renames).find(([from, target]) => target === to && from !== field)?.[0] ?? to;
      if (other !== field && node.get(other) !== undefined && node.get(other) !== null) {
        const [current, old] = field in renames ? [field, other] : [other, field];
        throw new BudgetGraphError('BAD_USER_INPUT', `filter field ${old} is the old name of ${current} (deprecated); give ${current} only.`, { argument: 'filter' });
      }
      out[to] = raw;
    }
  }
  return out;
}
