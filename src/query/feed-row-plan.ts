// What a projectsFeedingCode / codeFeeds row reads beyond the counted link itself. Each row can
// carry `support` (the counted method and every SUPPORTING link to the same code, each with its
// evidence JSON) and `alternatives` (the allocation's REJECTED links to other codes): two pattern
// comprehensions per row in Neo4j, nested maps for the driver to decode and evidence JSON to
// parse (the counted link's evidence a second time, as support's first entry). A question that
// selects neither (the usual "which projects fed this code") is answered without them.
import { feedNeighboursPlan, type FeedNeighboursPlan, type FieldTree } from './projection.js';

export interface FeedRowPlan extends FeedNeighboursPlan {
  /** `support` or `methods` (which is read off support) is selected. */
  withSupport: boolean;
  /** `alternatives` is selected. */
  withAlternatives: boolean;
}

/** Every row read in full: the node(id) refetch, whose selection is not known when it batches. */
export const WHOLE_FEED_ROW: FeedRowPlan = { wholeDepartment: true, wholeUnit: true, wholeProject: true, withSupport: true, withAlternatives: true };

/** `links`: the selection of one link (a list of them), or of a connection of links (nodes, edges.node). */
export function feedRowPlan(links: FieldTree): FeedRowPlan {
  const rows = [links, links.get('nodes'), links.get('edges')?.get('node')].filter((t): t is FieldTree => t !== undefined);
  return {
    ...feedNeighboursPlan(links),
    withSupport: rows.some((row) => row.has('support') || row.has('methods')),
    withAlternatives: rows.some((row) => row.has('alternatives')),
  };
}
