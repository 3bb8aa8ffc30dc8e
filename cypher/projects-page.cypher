// A page of projects. $where is the filter as alternatives of field tests (src/query/filters.ts);
// the amount is the sum of a project's allocations in the years of the filter's top-level year
// fields ($year, $yearIn, $yearFrom..$yearTo; all years when none). Sorted by $keys (AMOUNT,
// NAME, DEPARTMENT, YEAR) then department name, name and id; paged by keyset (page-window).
MATCH (dep:Department)-[:RUNS]->(p:Project)
OPTIONAL MATCH (p)<-[:ALLOCATES]-(a:ProjectAllocation)
WHERE ($year IS NULL OR a.year = $year) AND ($yearIn IS NULL OR a.year IN $yearIn)
  AND ($yearFrom IS NULL OR a.year >= $yearFrom) AND ($yearTo IS NULL OR a.year <= $yearTo)
// One aggregation over every allocation (not a subquery per project).
WITH p, dep, sum(a.amountFen) AS amountFen, max(a.year) AS lastYear
WHERE ($year IS NULL AND $yearIn IS NULL AND $yearFrom IS NULL AND $yearTo IS NULL OR lastYear IS NOT NULL)
  AND any(clause IN $where WHERE all(atom IN clause WHERE atom.neg <> CASE atom.f
    WHEN 'name' THEN any(n IN p.names WHERE n CONTAINS atom.v)
    WHEN 'department' THEN dep.id CONTAINS atom.v OR dep.name CONTAINS atom.v OR any(alias IN dep.aliases WHERE alias CONTAINS atom.v)
    WHEN 'departmentIn' THEN any(s IN atom.v WHERE dep.id CONTAINS s OR dep.name CONTAINS s OR any(alias IN dep.aliases WHERE alias CONTAINS s))
    WHEN 'year' THEN EXISTS { (p)<-[:ALLOCATES]-(x:ProjectAllocation) WHERE x.year = atom.v }
    WHEN 'yearIn' THEN EXISTS { (p)<-[:ALLOCATES]-(x:ProjectAllocation) WHERE x.year IN atom.v }
    WHEN 'yearFrom' THEN EXISTS { (p)<-[:ALLOCATES]-(x:ProjectAllocation) WHERE x.year >= atom.v }
    WHEN 'yearTo' THEN EXISTS { (p)<-[:ALLOCATES]-(x:ProjectAllocation) WHERE x.year <= atom.v }
    WHEN 'code' THEN EXISTS { (p)<-[:ALLOCATES]-(:ProjectAllocation)-[:BOOKED_UNDER]->(c:FunctionCode) WHERE c.code = atom.v }
    WHEN 'codePrefix' THEN EXISTS { (p)<-[:ALLOCATES]-(:ProjectAllocation)-[:BOOKED_UNDER]->(c:FunctionCode) WHERE c.code STARTS WITH atom.v }
    WHEN 'minAmount' THEN amountFen >= atom.v
    WHEN 'maxAmount' THEN amountFen <= atom.v
    WHEN 'hasAnomaly' THEN atom.v = (EXISTS { (p)<-[:CONCERNS]-(:Anomaly) } OR EXISTS { (p)<-[:ALLOCATES]-(:ProjectAllocation)<-[:CONCERNS]-(:Anomaly) })
  END))
WITH p, dep, amountFen,
     [k IN $keys | CASE k WHEN 'AMOUNT' THEN coalesce(amountFen, 0) WHEN 'NAME' THEN p.name
                          WHEN 'DEPARTMENT' THEN dep.name WHEN 'YEAR' THEN coalesce(lastYear, 0) END]
       + [dep.name, p.name, p.id] AS sortKey
// @include order-by-sort-key
WITH collect({p: p, dep: dep, amountFen: amountFen, sortKey: sortKey}) AS matched
// @include page-window
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS it
WITH total, hasPreviousPage, hasNextPage, it, it.p AS p, it.dep AS dep
RETURN total, collect(CASE WHEN it IS NULL THEN null ELSE p {.*, departmentId: dep.id, amountFen: it.amountFen, sortKey: it.sortKey} END) AS items, hasPreviousPage, hasNextPage
