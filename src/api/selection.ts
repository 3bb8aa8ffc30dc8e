// Which fields a query asks for under the current field (fragments and aliases merged), so a
// resolver can fetch what will be needed in one statement, and only that.
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { FieldTree } from '../query/projection.js';

export function selectionTree(info: GraphQLResolveInfo): FieldTree {
  const tree: FieldTree = new Map();
  for (const node of info.fieldNodes) addSelections(tree, node.selectionSet, info.fragments);
  return tree;
}

function addSelections(tree: FieldTree, set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>): void {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) {
      let sub = tree.get(sel.name.value);
      if (!sub) tree.set(sel.name.value, (sub = new Map()));
      addSelections(sub, sel.selectionSet, fragments);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) addSelections(tree, sel.selectionSet, fragments);
    else addSelections(tree, fragments[sel.name.value]?.selectionSet, fragments);
  }
}

/**
 * Whether a connection's selection asks for a cursor (edges.cursor, pageInfo.endCursor or
 * startCursor): a page statement reads its rows' sort keys, a cursor's content, only then.
 */
export function selectsCursor(tree: FieldTree): boolean {
  const pageInfo = tree.get('pageInfo');
  return Boolean(tree.get('edges')?.has('cursor') || pageInfo?.has('endCursor') || pageInfo?.has('startCursor'));
}
