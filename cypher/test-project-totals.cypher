// Test: projects whose stored all-years amount or last year differ from their allocations now.
MATCH (p:Project)
OPTIONAL MATCH (p)<-[:ALLOCATES]-(a:ProjectAllocation)
WITH p, sum(a.amountFen) AS total, max(a.year) AS lastYear
RETURN count(p) AS projects,
       [x IN collect(CASE WHEN p.allYearsAmountFen = total AND coalesce(p.lastYear, -1) = coalesce(lastYear, -1) THEN null ELSE p.id END) WHERE x IS NOT NULL] AS stale
