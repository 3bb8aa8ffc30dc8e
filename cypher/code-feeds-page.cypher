// projectsFeedingCode as a page (codeFeeds): the same links, sorted by $keys (YEAR, AMOUNT,
// DEPARTMENT, PROJECT) then year, department, unit, project, allocation, code and method; paged by keyset
// (page-window). $where is unused here (the arguments are fixed), kept [[]] by the repository.
MATCH (c:FunctionCode)
WHERE c.code = $code OR ($includeDescendants AND c.code STARTS WITH $code)
MATCH (c)<-[r:BOOKED_UNDER]-(a:ProjectAllocation)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
WHERE ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
  AND ($years IS NULL OR d.year IN $years)
  AND size($where) > 0
MATCH (a)-[:ALLOCATES]->(p:Project)
MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
WITH c, r, a, d, dep, p, u, coalesce(r.amountFen, a.amountFen) AS amountFen
WITH c, r, a, d, dep, p, u, amountFen,
     [k IN $keys | CASE k WHEN 'YEAR' THEN d.year WHEN 'AMOUNT' THEN coalesce(amountFen, 0)
                          WHEN 'DEPARTMENT' THEN dep.name WHEN 'PROJECT' THEN a.name END]
       + [d.year, dep.name, u.name, a.name, a.id, c.code, r.method] AS sortKey
// @include order-by-sort-key
WITH collect({c: c, r: r, a: a, d: d, dep: dep, p: p, u: u, amountFen: amountFen, sortKey: sortKey}) AS matched
// @include page-window
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS it
WITH total, hasPreviousPage, hasNextPage, it, it.dep AS dep, it.u AS u, it.p AS p, it.a AS a, it.d AS d, it.r AS r, it.c AS c
RETURN total, collect(CASE WHEN it IS NULL THEN null ELSE {year: d.year, documentId: d.id, departmentId: dep.id, unitId: u.id, projectId: p.id,
              department: dep {.*}, unit: u {.*}, projectNode: p {.*, departmentId: dep.id},
              allocationId: a.id, project: a.name, amountFen: it.amountFen,
              method: r.method, note: r.note, evidence: r.evidence, code: c.code, sortKey: it.sortKey} END) AS items,
       hasPreviousPage, hasNextPage
