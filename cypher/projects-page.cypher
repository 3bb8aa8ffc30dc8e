// A page of projects when the filter names years. $where is the filter as alternatives of field
// tests (src/query/filters.ts); the amount is the sum of a project's allocations in the years of
// the filter's top-level year fields ($year, $yearIn, $yearFrom..$yearTo). Sorted by $keys
// (AMOUNT, NAME, DEPARTMENT, YEAR) then department name, name and id; paged by keyset
// (page-window). Without years, projects-page-all-years reads the stored all-years amount.
MATCH (dep:Department)-[:RUNS]->(p:Project)
OPTIONAL MATCH (p)<-[:ALLOCATES]-(a:ProjectAllocation)
WHERE ($year IS NULL OR a.year = $year) AND ($yearIn IS NULL OR a.year IN $yearIn)
  AND ($yearFrom IS NULL OR a.year >= $yearFrom) AND ($yearTo IS NULL OR a.year <= $yearTo)
// One aggregation over every allocation (not a subquery per project).
WITH p, dep, sum(a.amountFen) AS amountFen, max(a.year) AS lastYear
WHERE lastYear IS NOT NULL
// @include projects-page-tail
