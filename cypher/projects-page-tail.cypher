// Included by projects-page and projects-page-all-years once each has a project p, its
// department dep, its amountFen and lastYear: the filter, the sort key, the keyset window and
// the page's rows.
WITH p, dep, amountFen, lastYear
WHERE any(clause IN $where WHERE all(atom IN clause WHERE atom.neg <> CASE atom.f
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
// @include projects-page-rows
