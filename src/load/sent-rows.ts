// The rows four load statements set on new nodes, as they are sent (#41): the values the node
// stores under `values`, without nulls, and beside them what the statement reads apart (the ends of
// its relationships). A statement used to `SET n = row` and then REMOVE what it had read apart,
// and every null of the row went into the map it set: Neo4j takes each entry of the map as a
// property to write or to remove, so both cost the Bolt worker work for nothing on every row
// (PROFILE, bench/RESULTS.md eighth round: 21 db hits a budget line for ~16 properties stored;
// ~17 % of a generated document's row values are null). A node stores no null: it stores the same.
import type { LoadPlan } from './plan.js';

/** A row's non-null values less the keys read apart: what `SET n = values` stores of it (one pass, no key list made). */
export function present(row: Readonly<Record<string, unknown>>, apart: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) {
    const value = row[key];
    if (value !== null && value !== undefined && !apart.includes(key)) out[key] = value;
  }
  return out;
}

const LINE_APART = ['label', 'unitId'];
const ALLOCATION_APART = ['unitId', 'projectId', 'projectUnitId'];
const LISTING_APART = ['allocationId'];
const PROSE_AMOUNT_APART = ['restates', 'restatesKind', 'restateRule'];

/** A budget line as cypher/load-lines.cypher takes it: its code's key and its unit apart. */
export function lineSent(row: LoadPlan['lines'][number]) {
  return { values: present(row, LINE_APART), codeKey: `${String(row.label)}:${String(row.code)}`, unitId: row.unitId };
}

/** An allocation as cypher/load-allocations.cypher takes it: its project's id, unit and name apart, and its project's values (loader.ts projectNodeValues). */
export function allocationSent(row: LoadPlan['allocations'][number], project: Record<string, unknown>) {
  return { values: present(row, ALLOCATION_APART), projectId: row.projectId, projectUnitId: row.projectUnitId, unitId: row.unitId, name: row.name, project };
}

/** A listing as cypher/load-listings.cypher takes it: the allocation it lists apart. */
export function listingSent(row: LoadPlan['listings'][number]) {
  return { values: present(row, LISTING_APART), allocationId: row.allocationId };
}

/** A prose amount as cypher/load-prose-amounts.cypher takes it: the fact it restates apart. */
export function proseAmountSent(row: LoadPlan['proseAmounts'][number]) {
  return { values: present(row, PROSE_AMOUNT_APART), restates: row.restates, restatesKind: row.restatesKind, restateRule: row.restateRule };
}
