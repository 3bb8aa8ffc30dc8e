// Relay pagination over offset cursors. `first` defaults to 20; above 100 is refused so no
// client can ask the database for an unbounded page.
import { BudgetGraphError } from '../errors.js';
import type { Page } from '../query/records.js';
import type { PageArgs } from '../query/repository.js';
import type { ConnectionShape } from './types/connection.js';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

const encode = (offset: number) => Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');

function decode(cursor: string): number {
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BudgetGraphError('BAD_USER_INPUT', `"${cursor}" is not a cursor from this API; pass pageInfo.endCursor of the previous page as \`after\`.`);
  return Number(m[1]);
}

/**
 * Forward (`first` after `after`) or backward (`last` before `before`) paging. Backward: the
 * `last` items just before `before` (or the last items of all, when `before` is absent: the total
 * decides, so `fromEnd` asks the caller to resolve it once the total is known).
 */
export function pageArgs(first: number | null | undefined, after: string | null | undefined, last?: number | null, before?: string | null): PageArgs {
  if (last !== null && last !== undefined) {
    if (first !== null && first !== undefined) throw new BudgetGraphError('BAD_USER_INPUT', 'pass first (with after) or last (with before), not both.', { argument: 'last' });
    if (!Number.isInteger(last) || last < 0 || last > MAX_PAGE) throw new BudgetGraphError('BAD_USER_INPUT', `last must be between 0 and ${MAX_PAGE} (got ${last}).`, { argument: 'last' });
    if (before) {
      const end = decode(before);
      return { skip: Math.max(0, end - last), limit: Math.min(last, end) };
    }
    return { skip: 0, limit: last, fromEnd: true };
  }
  const limit = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
    throw new BudgetGraphError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE} (got ${limit}); page through larger results with \`after\`.`, { argument: 'first' });
  }
  const skip = after ? decode(after) + 1 : 0;
  if (before) {
    const end = decode(before);
    return { skip, limit: Math.max(0, Math.min(limit, end - skip)) };
  }
  return { skip, limit };
}

/** A list size for non-connection lists (`search`, `neighbours`): default, maximum. */
export function listLimit(first: number | null | undefined, fallback: number, max: number, name = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BudgetGraphError('BAD_USER_INPUT', `${name} must be between 1 and ${max} (got ${n}).`, { argument: name });
  return n;
}

export function toConnection<T>(page: Page<T>, args: PageArgs): ConnectionShape<T> {
  const edges = page.items.map((node, i) => ({ cursor: encode(args.skip + i), node }));
  return {
    edges,
    nodes: page.items,
    pageInfo: { hasNextPage: args.skip + page.items.length < page.total, endCursor: edges.at(-1)?.cursor ?? null, hasPreviousPage: args.skip > 0, startCursor: edges[0]?.cursor ?? null },
    totalCount: page.total,
  };
}
