// A page of investment projects. $where is the filter as alternatives of field tests
// (src/query/filters.ts). Sorted by $keys (YEAR, CODE, NAME, TOTAL_INVESTMENT) then code and id;
// paged by keyset (page-window).
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)<-[:IN_DOCUMENT]-(ip:InvestmentProject)
WHERE any(clause IN $where WHERE all(atom IN clause WHERE atom.neg <> CASE atom.f
    WHEN 'code' THEN ip.code STARTS WITH atom.v
    WHEN 'name' THEN ip.name CONTAINS atom.v
    WHEN 'year' THEN ip.year = atom.v
    WHEN 'yearIn' THEN ip.year IN atom.v
    WHEN 'yearFrom' THEN ip.year >= atom.v
    WHEN 'yearTo' THEN ip.year <= atom.v
    WHEN 'truncated' THEN ip.truncated = atom.v
    WHEN 'department' THEN dep.id CONTAINS atom.v OR dep.name CONTAINS atom.v OR any(alias IN dep.aliases WHERE alias CONTAINS atom.v)
    WHEN 'departmentIn' THEN any(s IN atom.v WHERE dep.id CONTAINS s OR dep.name CONTAINS s OR any(alias IN dep.aliases WHERE alias CONTAINS s))
    WHEN 'minTotalInvestment' THEN ip.totalInvestmentFen >= atom.v
    WHEN 'maxTotalInvestment' THEN ip.totalInvestmentFen <= atom.v
    WHEN 'hasAnomaly' THEN atom.v = EXISTS { (ip)<-[:CONCERNS]-(:Anomaly) }
  END))
WITH ip,
     [k IN $keys | CASE k WHEN 'YEAR' THEN ip.year WHEN 'CODE' THEN ip.code WHEN 'NAME' THEN ip.name
                          WHEN 'TOTAL_INVESTMENT' THEN coalesce(ip.totalInvestmentFen, -1) END] + [ip.code, ip.id] AS sortKey
// @include order-by-sort-key
WITH collect({ip: ip, sortKey: sortKey}) AS matched
// @include page-window
// One record per row, in page order: a single record holding the whole page would be one
// large Bolt message, which the driver decodes several times slower than many small ones.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].ip AS ip
WITH total, hasPreviousPage, hasNextPage, at, it,
     CASE WHEN it IS NULL THEN null ELSE ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]} END AS row
// The sort key (a cursor's content) only when the query selects a cursor ($withSortKeys): most
// pages are read for their nodes, and a key is several values a row decoded for nothing.
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN row IS NOT NULL AND $withSortKeys THEN row {.*, sortKey: it.sortKey} ELSE row END AS item
ORDER BY at
