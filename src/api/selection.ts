// Which fields a query asks for directly under the current field (fragments included), so a
// resolver can fetch what will be needed in one statement instead of several.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) out.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else visit(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return out;
}
