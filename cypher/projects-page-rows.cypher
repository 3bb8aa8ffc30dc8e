// Included at the end of the projects page statements, once they have total, hasPreviousPage,
// hasNextPage and `page`, a list of {p, dep, amountFen, sortKey}: the page's rows. A project's
// names and its department's aliases only when the query reads them ($projectNames,
// $wholeDepartment: src/query/projection.ts).
// One record per row, in page order: a single record holding the whole page would be one
// large Bolt message, which the driver decodes several times slower than many small ones.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].p AS p, page[at].dep AS dep
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN it IS NULL THEN null ELSE p {.id, .name, names: CASE WHEN $projectNames THEN p.names END, .normName, departmentId: dep.id,
         department: CASE WHEN $wholeDepartment THEN dep {.id, .name, .aliases, .aliasRules} ELSE dep {.id, .name} END,
         amountFen: it.amountFen, sortKey: it.sortKey} END AS item
ORDER BY at
