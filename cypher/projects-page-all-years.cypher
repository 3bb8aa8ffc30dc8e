// A page of projects over all years: as projects-page, but each project's amount is its
// all-years total stored at load (cypher/load-refresh-project-totals.cypher), so no allocation
// is read for projects that do not make the page.
MATCH (dep:Department)-[:RUNS]->(p:Project)
WITH p, dep, p.allYearsAmountFen AS amountFen, p.lastYear AS lastYear
// @include projects-page-tail
