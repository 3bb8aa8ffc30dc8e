// Included at the end of the projects page statements, once they have total, hasPreviousPage,
// hasNextPage and `page`, a list of {p, dep, amountFen, sortKey}: the page's rows. A project's
// names and its department's aliases only when the query reads them ($projectNames,
// $wholeDepartment: src/query/projection.ts); the sort key only with $withSortKeys.
// One record per row, in page order: a single record holding the whole page would be one
// large Bolt message, which the driver decodes several times slower than many small ones.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].p AS p, page[at].dep AS dep
WITH total, hasPreviousPage, hasNextPage, at, it,
     CASE WHEN it IS NULL THEN null ELSE p {.id, .name, names: CASE WHEN $projectNames THEN p.names END, .normName, departmentId: dep.id,
       department: CASE WHEN $wholeDepartment THEN dep {.id, .name, .aliases, .aliasRules} ELSE dep {.id, .name} END,
       amountFen: it.amountFen} END AS row
// The sort key (a cursor's content) only when the query selects a cursor ($withSortKeys): most
// pages are read for their nodes, and a key is several values a row decoded for nothing.
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN row IS NOT NULL AND $withSortKeys THEN row {.*, sortKey: it.sortKey} ELSE row END AS item
ORDER BY at
