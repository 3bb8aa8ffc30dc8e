// A page's sort keys (a cursor's content) are read only when the query selects a cursor (#41
// item 4): selectsCursor decides it from the selection (aliases and fragments merged), and a
// page read without keys serves its nodes but refuses, as a bug, to make a cursor.
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { listArgs, toConnection } from '../../src/api/pagination.js';
import { selectionTree, selectsCursor } from '../../src/api/selection.js';
import { ProgramBugError } from '../../src/errors.js';

const schema = buildSchema(`
  type Query { list: Conn }
  type Conn { totalCount: Int, nodes: [Node], edges: [Edge], pageInfo: PageInfo }
  type Edge { cursor: String, node: Node }
  type Node { id: String }
  type PageInfo { hasNextPage: Boolean, endCursor: String, startCursor: String }
`);

/** What selectsCursor says of the `list` field of a query. */
async function cursorAsked(query: string): Promise<boolean> {
  let asked: boolean | undefined;
  const rootValue = {
    list: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      asked = selectsCursor(selectionTree(info));
      return null;
    },
  };
  const res = await graphql({ schema, source: query, rootValue });
  expect(res.errors).toBeUndefined();
  if (asked === undefined) throw new Error('list was not resolved');
  return asked;
}

describe('selectsCursor', () => {
  it('is false for nodes, totalCount, edges without cursor and pageInfo without cursors', async () => {
    expect(await cursorAsked('{ list { totalCount nodes { id } } }')).toBe(false);
    expect(await cursorAsked('{ list { edges { node { id } } pageInfo { hasNextPage } } }')).toBe(false);
  });

  it('is true for edges.cursor, pageInfo.endCursor and pageInfo.startCursor, under an alias or in a fragment', async () => {
    expect(await cursorAsked('{ list { edges { cursor } } }')).toBe(true);
    expect(await cursorAsked('{ list { pageInfo { hasNextPage endCursor } } }')).toBe(true);
    expect(await cursorAsked('{ list { pageInfo { back: startCursor } } }')).toBe(true);
    expect(await cursorAsked('{ list { ...F } } fragment F on Conn { edges { ... on Edge { cursor } } }')).toBe(true);
  });
});

describe('a page read without sort keys', () => {
  it('the resolver asks for keys only when a cursor is selected (withSortKeys), and reads them by default', () => {
    expect(listArgs('projects', null, 5, null, null, null, false).page.withSortKeys).toBe(false);
    expect(listArgs('projects', null, 5, null, null, null, true).page.withSortKeys).toBe(true);
    expect(listArgs('projects', null, 5).page.withSortKeys).toBe(true);
  });

  it('serves its nodes; a cursor asked of it is a ProgramBugError (INTERNAL, CURSOR_UNREAD), never a null cursor', () => {
    const page = { total: 2, items: [{ id: 'a' }, { id: 'b' }], keys: null, hasNextPage: true, hasPreviousPage: false };
    const c = toConnection(page, 'projects:');
    expect(c.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(c.edges[1]?.node.id).toBe('b');
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(() => c.pageInfo.endCursor).toThrow(ProgramBugError);
    expect(() => c.edges[0]?.cursor).toThrow(expect.objectContaining({ code: 'INTERNAL', details: { reason: 'CURSOR_UNREAD' } }));
  });

  it('with keys, each edge’s cursor holds its row’s key; an empty page has no end cursor', () => {
    const page = { total: 1, items: [{ id: 'a' }], keys: [[5n, 'a']], hasNextPage: false, hasPreviousPage: false };
    const c = toConnection(page, 'projects:');
    expect(c.pageInfo.endCursor).toBe(c.edges[0]?.cursor);
    expect(JSON.parse(Buffer.from(c.pageInfo.endCursor ?? '', 'base64url').toString('utf8'))).toEqual({ s: 'projects:', k: [{ i: '5' }, 'a'] });
    expect(toConnection({ ...page, items: [], keys: [] }, 'projects:').pageInfo.endCursor).toBeNull();
  });
});
