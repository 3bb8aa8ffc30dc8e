// A project's all-years amount and last year, stored so that a list of projects over all years
// (the common question: "the largest projects") need not add up every allocation per request.
// Derived data: rewritten for the projects a load touched ($ids, a slice of them: src/load/loader.ts
// sends them in slices), each found by its id's index. Removals refresh every project in
// load-collect-orphans; a graph loaded before these properties existed, load-refresh-all-project-totals.
UNWIND $ids AS id
MATCH (p:Project {id: id})
// @include project-totals-set
