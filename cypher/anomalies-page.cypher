// A page of anomalies. $where is the filter as alternatives of field tests (src/query/filters.ts).
// Sorted by $keys (DOCUMENT, KIND, SEVERITY, DELTA = the size of the difference, YEAR) then
// document and id; paged by keyset (page-window).
// Each atom is tested where its value lives, so a department or document filter prunes before
// the anomalies are expanded (a department's anomalies, not every anomaly, are read): `clauses`
// holds the indexes of the clauses still possible; a clause holds when all its atoms do.
MATCH (dep:Department)
WITH dep, [i IN range(0, size($where) - 1) WHERE all(atom IN $where[i] WHERE NOT atom.f IN ['department', 'departmentIn'] OR atom.neg <> CASE atom.f
    WHEN 'department' THEN dep.id CONTAINS atom.v OR dep.name CONTAINS atom.v OR any(alias IN dep.aliases WHERE alias CONTAINS atom.v)
    WHEN 'departmentIn' THEN any(s IN atom.v WHERE dep.id CONTAINS s OR dep.name CONTAINS s OR any(alias IN dep.aliases WHERE alias CONTAINS s))
  END)] AS clauses
WHERE size(clauses) > 0
MATCH (dep)-[:PUBLISHED]->(d:Document)
WITH d, [i IN clauses WHERE all(atom IN $where[i] WHERE NOT atom.f IN ['document', 'year', 'yearFrom', 'yearTo'] OR atom.neg <> CASE atom.f
    WHEN 'document' THEN d.id = atom.v OR d.file = atom.v
    WHEN 'year' THEN d.year = atom.v
    WHEN 'yearFrom' THEN d.year >= atom.v
    WHEN 'yearTo' THEN d.year <= atom.v
  END)] AS clauses
WHERE size(clauses) > 0
MATCH (d)<-[:IN_DOCUMENT]-(a:Anomaly)
// The anomaly's own tests; a field no level knows fails here (CASE gives null).
WHERE any(i IN clauses WHERE all(atom IN $where[i] WHERE atom.f IN ['department', 'departmentIn', 'document', 'year', 'yearFrom', 'yearTo'] OR atom.neg <> CASE atom.f
    WHEN 'kind' THEN a.kind = atom.v
    WHEN 'kindIn' THEN a.kind IN atom.v
    WHEN 'severity' THEN a.severity = atom.v
    WHEN 'minDelta' THEN abs(coalesce(a.deltaFen, 0)) >= atom.v
  END))
WITH a, d,
     [k IN $keys | CASE k WHEN 'DOCUMENT' THEN d.file WHEN 'KIND' THEN a.kind WHEN 'SEVERITY' THEN a.severityRank
                          WHEN 'DELTA' THEN abs(coalesce(a.deltaFen, 0)) WHEN 'YEAR' THEN d.year END] + [a.documentId, a.id] AS sortKey
// @include order-by-sort-key
WITH collect({a: a, sortKey: sortKey}) AS matched
// @include page-window
// One record per row, in page order: a single record holding the whole page would be one
// large Bolt message, which the driver decodes several times slower than many small ones.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].a AS a
// The sort key (a cursor's content) only when the query selects a cursor ($withSortKeys): most
// pages are read for their nodes, and a key is several values a row decoded for nothing.
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN it IS NULL THEN null WHEN $withSortKeys THEN a {.*, sortKey: it.sortKey} ELSE a {.*} END AS item
ORDER BY at
