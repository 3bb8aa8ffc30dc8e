// Relay pagination over keyset cursors. A cursor holds the sort key of its row (the values the
// list is ordered by, ending with the row's id) and the ordering it belongs to; the next page is
// "the rows after this key", found by comparing keys in the statement (cypher/page-window.cypher).
// So a page does not shift when rows are added or removed before it while a client pages, and a
// cursor whose row was removed still marks its place. `first` defaults to 20; above 100 is refused.
import neo4j from 'neo4j-driver';
import { BudgetGraphError, ProgramBugError } from '../errors.js';
import type { Page } from '../query/records.js';
import type { Ordering, PageArgs } from '../query/repository.js';
import { LISTS, type ListName } from '../query/lists.js';
import { isProps } from '../query/props.js';
import type { ConnectionShape } from './types/connection.js';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;
const MAX_CURSOR_CHARS = 4_000;

type KeyValue = string | { i: string };

/** The ordering a cursor belongs to: a cursor of one ordering is refused by another. */
export function signatureOf(list: string, ordering: Ordering): string {
  return `${list}:${ordering.keys.map((k, i) => `${k}.${ordering.dirs[i]}`).join(',')}`;
}

export function encodeCursor(signature: string, key: unknown[]): string {
  const k: KeyValue[] = key.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return { i: String(v) };
    throw new Error(`sort key value ${String(v)} cannot be put in a cursor`);
  });
  return Buffer.from(JSON.stringify({ s: signature, k }), 'utf8').toString('base64url');
}

function badCursor(cursor: string, argument: string, why: string): BudgetGraphError {
  return new BudgetGraphError('BAD_USER_INPUT', `"${cursor.slice(0, 40)}" is not a cursor of this list${why}; pass pageInfo.endCursor as \`after\` (or startCursor as \`before\`) with the same filter and orderBy.`, { argument });
}

/** A cursor back to the sort key the statement compares against (integers as Neo4j integers). */
export function decodeCursor(cursor: string, signature: string, argument: string): unknown[] {
  if (cursor.length > MAX_CURSOR_CHARS) throw badCursor(cursor, argument, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor(cursor, argument, '');
  }
  const p = parsed;
  if (!isProps(p) || typeof p.s !== 'string' || !Array.isArray(p.k)) throw badCursor(cursor, argument, '');
  if (p.s !== signature) throw badCursor(cursor, argument, ' (it was made under another orderBy)');
  return p.k.map((v: unknown) => {
    if (typeof v === 'string') return v;
    const i = isProps(v) ? v.i : undefined;
    if (typeof i === 'string' && /^-?\d{1,19}$/.test(i)) return neo4j.int(i);
    throw badCursor(cursor, argument, '');
  });
}

/**
 * Forward (`first` after `after`) or backward (`last` before `before`) paging; `after` and
 * `before` may be combined to page inside a window. `withSortKeys`: the query selects a cursor
 * (selectsCursor), so the rows' sort keys are read; a page of nodes only reads none.
 */
export function pageArgs(signature: string, first: number | null | undefined, after: string | null | undefined, last?: number | null, before?: string | null, withSortKeys = true): PageArgs {
  const hasFirst = first !== null && first !== undefined;
  const hasLast = last !== null && last !== undefined;
  if (hasFirst && hasLast) throw new BudgetGraphError('BAD_USER_INPUT', 'pass first (with after) or last (with before), not both.', { argument: 'last' });
  const size = hasLast ? last : (first ?? DEFAULT_PAGE);
  const name = hasLast ? 'last' : 'first';
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE) {
    throw new BudgetGraphError('BAD_USER_INPUT', `${name} must be between 0 and ${MAX_PAGE} (got ${size}); page through larger results with \`${hasLast ? 'before' : 'after'}\`.`, { argument: name });
  }
  return {
    first: hasLast ? null : size,
    last: hasLast ? size : null,
    after: after ? decodeCursor(after, signature, 'after') : null,
    before: before ? decodeCursor(before, signature, 'before') : null,
    withSortKeys,
  };
}

/** A list size for non-connection lists (`search`, `neighbours`): default, maximum. */
export function listLimit(first: number | null | undefined, fallback: number, max: number, name = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BudgetGraphError('BAD_USER_INPUT', `${name} must be between 1 and ${max} (got ${n}).`, { argument: name });
  return n;
}

export function toConnection<T>(page: Page<T>, signature: string): ConnectionShape<T> {
  // Cursors are getters: encoded only when a query selects them (most ask for nodes only).
  const cursorAt = (i: number) => {
    // The resolver reads the keys whenever the query selects a cursor (selectsCursor): a page
    // without them asked for one is a bug, not a null cursor.
    if (!page.keys) throw new ProgramBugError('CURSOR_UNREAD', 'a cursor was asked of a page read without sort keys');
    return encodeCursor(signature, page.keys[i] ?? []);
  };
  const cursorOf = (i: number) => (i >= 0 && i < page.items.length ? cursorAt(i) : null);
  const last = page.items.length - 1;
  return {
    edges: page.items.map((node, i) => ({
      node,
      get cursor() {
        return cursorAt(i);
      },
    })),
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get endCursor() {
        return cursorOf(last);
      },
      get startCursor() {
        return cursorOf(0);
      },
    },
    totalCount: page.total,
  };
}

/** The asked sort keys of a list (its default order when none), checked against its declaration. */
export function ordering<L extends ListName>(list: L, orderBy: { field: string; direction: string }[] | null | undefined): Ordering {
  const spec = LISTS[list];
  const asked = orderBy?.length ? orderBy : spec.defaultOrder;
  const most = Math.min(3, spec.maxKeys - spec.tieBreaks);
  if (asked.length > most) throw new BudgetGraphError('BAD_USER_INPUT', `${list} sort by at most ${most} keys (ties are broken by the list's own order).`, { argument: 'orderBy' });
  const fields = asked.map((o) => o.field);
  if (new Set(fields).size !== fields.length) throw new BudgetGraphError('BAD_USER_INPUT', `orderBy names ${fields.join(', ')}: each field at most once.`, { argument: 'orderBy' });
  return { keys: fields, dirs: asked.map((o) => (o.direction === 'DESC' ? 'DESC' : 'ASC')) };
}

/**
 * Everything a list resolver needs from its paging arguments. `withSortKeys`: whether the query
 * selects a cursor (selectsCursor of src/api/selection.ts); the rows' sort keys are read only then.
 */
export function listArgs<L extends ListName>(list: L, orderBy: { field: string; direction: string }[] | null | undefined, first?: number | null, after?: string | null, last?: number | null, before?: string | null, withSortKeys = true) {
  const order = ordering(list, orderBy);
  const signature = signatureOf(list, order);
  return { order, signature, page: pageArgs(signature, first, after, last, before, withSortKeys) };
}
