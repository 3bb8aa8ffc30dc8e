// A page of documents. $where is the filter as alternatives of field tests (src/query/filters.ts).
// Sorted by $keys (YEAR, FILE, DEPARTMENT) then the file and id; paged by keyset (page-window).
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
WHERE any(clause IN $where WHERE all(atom IN clause WHERE atom.neg <> CASE atom.f
    WHEN 'file' THEN d.file = atom.v OR d.id = atom.v
    WHEN 'department' THEN dep.id CONTAINS atom.v OR dep.name CONTAINS atom.v OR any(alias IN dep.aliases WHERE alias CONTAINS atom.v)
    WHEN 'departmentIn' THEN any(s IN atom.v WHERE dep.id CONTAINS s OR dep.name CONTAINS s OR any(alias IN dep.aliases WHERE alias CONTAINS s))
    WHEN 'year' THEN d.year = atom.v
    WHEN 'yearIn' THEN d.year IN atom.v
    WHEN 'yearFrom' THEN d.year >= atom.v
    WHEN 'yearTo' THEN d.year <= atom.v
    WHEN 'kind' THEN atom.v IN d.kinds
    WHEN 'kindIn' THEN any(k IN atom.v WHERE k IN d.kinds)
    WHEN 'hasAnomaly' THEN atom.v = EXISTS { (d)<-[:IN_DOCUMENT]-(:Anomaly) }
  END))
WITH d, dep,
     [k IN $keys | CASE k WHEN 'YEAR' THEN d.year WHEN 'FILE' THEN d.file WHEN 'DEPARTMENT' THEN dep.name END] + [d.file, d.id] AS sortKey
// @include order-by-sort-key
WITH collect({d: d, dep: dep, sortKey: sortKey}) AS matched
// @include page-window
// One record per row, in page order: a single record holding the whole page would be one
// large Bolt message, which the driver decodes several times slower than many small ones.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].d AS d, page[at].dep AS dep
// The sort key (a cursor's content) only when the query selects a cursor ($withSortKeys): most
// pages are read for their nodes, and a key is several values a row decoded for nothing.
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN it IS NULL THEN null WHEN $withSortKeys THEN d {.*, departmentId: dep.id, sortKey: it.sortKey}
            ELSE d {.*, departmentId: dep.id} END AS item
ORDER BY at
