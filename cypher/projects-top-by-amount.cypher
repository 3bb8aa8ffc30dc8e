// The first page of projects by all-years amount, largest first, when nothing is filtered: read in
// the order of the index on Project.allYearsAmountFen instead of sorting every project. Every row
// tied with the (first + 1)-th amount is read too, so the tie-breaks (department name, name, id)
// order them exactly as projects-page-all-years would; the rows and their sort keys are the same.
CALL () {
  MATCH (p:Project) WHERE p.allYearsAmountFen IS NOT NULL
  WITH p ORDER BY p.allYearsAmountFen DESC LIMIT $first + 1
  RETURN min(p.allYearsAmountFen) AS boundary
}
CALL () {
  MATCH ()-[r:RUNS]->() RETURN count(r) AS total
}
MATCH (dep:Department)-[:RUNS]->(p:Project)
WHERE p.allYearsAmountFen >= boundary
WITH total, p, dep, p.allYearsAmountFen AS amountFen
ORDER BY amountFen DESC, dep.name, p.name, p.id
LIMIT $first + 1
WITH total, collect({p: p, dep: dep, amountFen: amountFen, sortKey: [amountFen, dep.name, p.name, p.id]}) AS top
WITH total, top[0..$first] AS page, false AS hasPreviousPage, size(top) > $first AS hasNextPage
// @include projects-page-rows
