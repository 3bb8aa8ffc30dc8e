// projectsFeedingCode as a page (codeFeeds): the same links, sorted by $keys (YEAR, AMOUNT,
// DEPARTMENT, PROJECT) then the allocation (document id | project), code and method; paged by
// keyset (page-window). The tie-breaks are the three keys that make a link unique: reading a
// year or a name for every link costs a third more. The window is found on the links alone; the department, unit and project
// are read only for the rows of the page, whole only when the query reads more of them than their
// id and name ($whole*: src/query/projection.ts). $where is unused (the arguments are fixed), kept [[]].
MATCH (c:FunctionCode)
WHERE c.code = $code OR ($includeDescendants AND c.code STARTS WITH $code)
MATCH (c)<-[r:BOOKED_UNDER]-(a:ProjectAllocation)
WHERE ($years IS NULL OR a.year IN $years)
  AND ($department IS NULL OR EXISTS {
        (a)-[:IN_DOCUMENT]->(:Document)<-[:PUBLISHED]-(dep:Department)
        WHERE dep.id CONTAINS $department OR dep.name CONTAINS $department OR any(alias IN dep.aliases WHERE alias CONTAINS $department) })
  AND size($where) > 0
WITH c, r, a, coalesce(r.amountFen, a.amountFen) AS amountFen
WITH c, r, a, amountFen,
     [k IN $keys | CASE k WHEN 'YEAR' THEN a.year WHEN 'AMOUNT' THEN coalesce(amountFen, 0)
                          WHEN 'DEPARTMENT' THEN head([(a)-[:IN_DOCUMENT]->(:Document)<-[:PUBLISHED]-(x:Department) | x.name])
                          WHEN 'PROJECT' THEN a.name END]
       + [a.id, c.code, r.method] AS sortKey
// @include order-by-sort-key
WITH collect({c: c, r: r, a: a, amountFen: amountFen, sortKey: sortKey}) AS matched
// @include page-window
// One record per row, in page order: a single record holding the whole page would be one
// large Bolt message, which the driver decodes several times slower than many small ones.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].a AS a, page[at].r AS r, page[at].c AS c
OPTIONAL MATCH (a)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
OPTIONAL MATCH (a)-[:ALLOCATES]->(p:Project)
OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN it IS NULL THEN null ELSE {year: d.year, documentId: d.id, departmentId: dep.id, unitId: u.id, projectId: p.id,
              department: CASE WHEN $wholeDepartment THEN dep {.id, .name, .aliases, .aliasRules} ELSE dep {.id, .name} END,
              unit: CASE WHEN $wholeUnit THEN u {.id, .name, .isSelf} ELSE u {.id, .name} END,
              projectNode: CASE WHEN $wholeProject THEN p {.id, .name, .names, .normName, departmentId: dep.id} ELSE p {.id, .name, .normName, departmentId: dep.id} END,
              allocationId: a.id, project: a.name, amountFen: it.amountFen,
              method: r.method, note: r.note, evidence: r.evidence, code: c.code, sortKey: it.sortKey} END AS item
ORDER BY at
