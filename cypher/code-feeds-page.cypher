// projectsFeedingCode as a page (codeFeeds): the same rows (COUNTED links of allocations and
// investment projects, cypher/code-feed-row.cypher), sorted by $keys (YEAR, AMOUNT,
// DEPARTMENT, PROJECT) then the allocation (document id | project), code and method; paged by
// keyset (page-window). The tie-breaks are the three keys that make a link unique: reading a
// year or a name for every link costs a third more. The window is found on the links alone; the department, unit and project
// are read only for the rows of the page, whole only when the query reads more of them than their
// id and name ($whole*: src/query/projection.ts). $where is unused (the arguments are fixed), kept [[]].
MATCH (c:FunctionCode)
WHERE c.code = $code OR ($includeDescendants AND c.code STARTS WITH $code)
// The code's links expanded once (a UNION of an allocation arm and an investment arm expanded
// and filtered every link of the code twice). An investment project is dated by its document,
// which it must have, as an allocation is by its own year; the year is read only when asked (a
// $years filter or the YEAR key): a key the query does not sort by is not read for every link.
WITH c, c.code AS code
MATCH (c)<-[r:BOOKED_UNDER {status: 'COUNTED'}]-(owner)
WHERE (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
  AND ($years IS NULL OR CASE WHEN owner:ProjectAllocation THEN owner.year ELSE head([(owner)-[:IN_DOCUMENT]->(d:Document) | d.year]) END IN $years)
  AND ($department IS NULL OR EXISTS {
        (owner)-[:IN_DOCUMENT]->(:Document)<-[:PUBLISHED]-(dep:Department)
        WHERE dep.id CONTAINS $department OR dep.name CONTAINS $department OR any(alias IN dep.aliases WHERE alias CONTAINS $department) })
  AND size($where) > 0
WITH c, r, owner,
     [k IN $keys | CASE k WHEN 'YEAR' THEN CASE WHEN owner:ProjectAllocation THEN owner.year ELSE head([(owner)-[:IN_DOCUMENT]->(d:Document) | d.year]) END
                          WHEN 'AMOUNT' THEN coalesce(r.countedFen, 0)
                          WHEN 'DEPARTMENT' THEN head([(owner)-[:IN_DOCUMENT]->(:Document)<-[:PUBLISHED]-(x:Department) | x.name])
                          WHEN 'PROJECT' THEN owner.name END]
       + [owner.id, code, r.method] AS sortKey
// @include order-by-sort-key
WITH collect({c: c, r: r, owner: owner, sortKey: sortKey}) AS matched
// @include page-window
// One record per row, in page order: a single record holding the whole page would be one
// large Bolt message, which the driver decodes several times slower than many small ones.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].owner AS owner, page[at].r AS r, page[at].c AS c
WITH total, hasPreviousPage, hasNextPage, at, it, r, c,
     CASE WHEN owner:ProjectAllocation THEN owner END AS a, CASE WHEN owner:InvestmentProject THEN owner END AS ip, owner
OPTIONAL MATCH (owner)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
OPTIONAL MATCH (a)-[:ALLOCATES]->(p:Project)
OPTIONAL MATCH (owner)-[:FOR_UNIT]->(u:BudgetUnit)
WITH total, hasPreviousPage, hasNextPage, at, it, d, dep, u, p, a, ip, r, c
// @include code-feed-row
// The sort key (a cursor's content) only when the query selects a cursor ($withSortKeys): most
// pages are read for their nodes, and a key is several values a row decoded for nothing.
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN it IS NULL THEN null WHEN $withSortKeys THEN feed {.*, sortKey: it.sortKey} ELSE feed END AS item
ORDER BY at
