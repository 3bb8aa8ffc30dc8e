// Included where a project p's derived all-years amount and last year are (re)written: the sum
// and latest year of its allocations, stored so that a list over all years need not add them up.
CALL (p) {
  OPTIONAL MATCH (p)<-[:ALLOCATES]-(a:ProjectAllocation)
  RETURN sum(a.amountFen) AS total, max(a.year) AS lastYear
}
SET p.allYearsAmountFen = total, p.lastYear = lastYear
