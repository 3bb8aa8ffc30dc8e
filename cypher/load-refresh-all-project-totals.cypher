// Every project's all-years amount and last year, computed once at start-up for a graph loaded
// before these properties existed (src/load/loader.ts backfillDerived).
MATCH (p:Project)
// @include project-totals-set
