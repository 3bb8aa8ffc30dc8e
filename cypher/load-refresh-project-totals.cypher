// A project's all-years amount and last year, stored so that a list of projects over all years
// (the common question: "the largest projects") need not add up every allocation per request.
// Derived data: rewritten for the projects a load touched ($ids; null = every project, used at
// start-up for a graph loaded before these properties existed). Removals refresh every project
// in load-collect-orphans.
MATCH (p:Project)
WHERE $ids IS NULL OR p.id IN $ids
// @include project-totals-set
