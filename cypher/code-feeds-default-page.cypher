// codeFeeds in its default order (no orderBy), one code, no department, no years, no
// includeDescendants: the page code-feeds-page gives, read through the relationship index
// booked_under_code_owner (code, status, ownerId) in the sort key's order [owner id, code, method]
// instead of expanding and sorting every link of the code (10,296 at 10,000 generated documents).
// Bounded: the page (at most $first / $last links read past the cursor, and one more), the first
// and last link (for hasPreviousPage / hasNextPage, read only when a cursor is given) and the
// total (the code node's count of its links, less its SUPPORTING and REJECTED ones). Every other
// order, a department, years and includeDescendants stay on code-feeds-page
// (src/query/repository.ts codeFeeds chooses).
// ORDER BY names the index's equality prefix (code, status) before ownerId: with ownerId alone
// the planner sorts every link of the code (a Top over 10,296) instead of reading the index's order.
// Cursors are code-feeds-page's (the same signature and sort key); the window and the two flags
// are page-window's, reached without counting positions. Its start > 0 and stop < total are:
//   forward:  hasPreviousPage = lo > 0 (a row at or before $after: the first row is);
//             hasNextPage = more than $first rows between the cursors, or hi < total (a row at
//             or after $before: the last row is);
//   backward: hasNextPage = hi < total; hasPreviousPage = more than $last rows between the
//             cursors, or lo > 0,
// as a key compares to a cursor as page-window compares it (position by position, ASC; a value
// that is not comparable, or missing, counts as greater), which is monotone in the sort order.
// "More than $first (or $last) rows between" is the page's arm reading one row more than it keeps:
// no key is compared with another row's, so two links of one owner, code and method, or a link
// without a method (nothing in the load writes either), still get page-window's flags.
// The total tests no owner: every BOOKED_UNDER starts at an allocation or at an investment
// project created with its IN_DOCUMENT (load-investments), ends at the FunctionCode of its
// r.code, and has a status of src/model/codes.ts (COUNTED, SUPPORTING, REJECTED): a link loaded
// without one (before d09e7b1, never presented since: an upload) is given the load's at start-up
// (src/load/link-keys.ts), before the server answers; otherwise this total would count it and no
// page list it. tests/integration/derived-properties.test.ts checks it after a load, a replace,
// deletes and the start-up backfill, with this total against a fresh count of every code's counted
// links and the rows its pages list. (Counting the index entries of
// the COUNTED links cost one db hit a link: 10,297 of the page's 15,437 at 10,000 documents.)
// The total: the code's links as its node counts them (a node of 50 relationships or more keeps
// them counted by type and direction: one read however many; a smaller one's are walked), less
// those of the other statuses (index entries: none at all on the generated corpus), named here as
// a literal list; tests/unit/link-statuses.test.ts fails when the model gains a status this list lacks.
CALL () {
  OPTIONAL MATCH (c:FunctionCode {code: $code})
  RETURN COUNT { (c)<-[:BOOKED_UNDER]-() } AS links
}
CALL () {
  MATCH ()-[r:BOOKED_UNDER]->()
  WHERE r.code = $code AND r.status IN ['SUPPORTING', 'REJECTED'] AND r.ownerId IS NOT NULL
  RETURN count(r) AS others
}
WITH links - others AS total
// The first link's key, read only when there is an $after to compare it with; the last link's
// only when there is a $before.
CALL () {
  UNWIND CASE WHEN $after IS NULL THEN [] ELSE [true] END AS asked
  CALL (asked) {
    MATCH (owner)-[r:BOOKED_UNDER]->()
    WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId IS NOT NULL AND asked
      AND (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
    WITH r ORDER BY r.code, r.status, r.ownerId, r.method LIMIT 1
    RETURN [r.ownerId, r.code, r.method] AS key
  }
  RETURN collect(key) AS firstKeys
}
CALL () {
  UNWIND CASE WHEN $before IS NULL THEN [] ELSE [true] END AS asked
  CALL (asked) {
    MATCH (owner)-[r:BOOKED_UNDER]->()
    WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId IS NOT NULL AND asked
      AND (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
    WITH r ORDER BY r.code DESC, r.status DESC, r.ownerId DESC, r.method DESC LIMIT 1
    RETURN [r.ownerId, r.code, r.method] AS key
  }
  RETURN collect(key) AS lastKeys
}
// The page's links and one more: forward ($first after $after) from the cursor's owner id on, or
// backward ($last before $before) from $before's owner id down (or from the end); each arm runs
// only when it is the one asked (its UNWIND is empty otherwise). A cursor whose first value is not
// a string is after every row (page-window's rule), so forward starts at the first owner ('') and
// backward finds nothing.
CALL () {
 CALL () {
  UNWIND CASE WHEN $last IS NULL THEN [CASE WHEN $after[0] IS :: STRING NOT NULL THEN $after[0] ELSE '' END] ELSE [] END AS from
  CALL (from) {
    MATCH (owner)-[r:BOOKED_UNDER]->()
    WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId >= from
      AND (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
    WITH owner, r, [r.ownerId, r.code, r.method] AS key
    WHERE ($after IS NULL OR reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN key[i] = $after[i] THEN 0 WHEN key[i] < $after[i] THEN -1 ELSE 1 END) > 0)
      AND ($before IS NULL OR reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN key[i] = $before[i] THEN 0 WHEN key[i] < $before[i] THEN -1 ELSE 1 END) < 0)
    WITH owner, r, key ORDER BY r.code, r.status, r.ownerId, r.method LIMIT coalesce($first, 0) + 1
    RETURN owner, r, key
  }
  RETURN owner, r, key
  UNION ALL
  UNWIND CASE WHEN $last IS NOT NULL AND $before IS NOT NULL THEN [$before[0]] ELSE [] END AS to
  CALL (to) {
    MATCH (owner)-[r:BOOKED_UNDER]->()
    WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId <= to
      AND (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
    WITH owner, r, [r.ownerId, r.code, r.method] AS key
    WHERE ($after IS NULL OR reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN key[i] = $after[i] THEN 0 WHEN key[i] < $after[i] THEN -1 ELSE 1 END) > 0)
      AND reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN key[i] = $before[i] THEN 0 WHEN key[i] < $before[i] THEN -1 ELSE 1 END) < 0
    WITH owner, r, key ORDER BY r.code DESC, r.status DESC, r.ownerId DESC, r.method DESC LIMIT coalesce($last, 0) + 1
    RETURN owner, r, key
  }
  RETURN owner, r, key
  UNION ALL
  UNWIND CASE WHEN $last IS NOT NULL AND $before IS NULL THEN [true] ELSE [] END AS fromEnd
  CALL (fromEnd) {
    MATCH (owner)-[r:BOOKED_UNDER]->()
    WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId IS NOT NULL AND fromEnd
      AND (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
    WITH owner, r, [r.ownerId, r.code, r.method] AS key
    WHERE ($after IS NULL OR reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN key[i] = $after[i] THEN 0 WHEN key[i] < $after[i] THEN -1 ELSE 1 END) > 0)
    WITH owner, r, key ORDER BY r.code DESC, r.status DESC, r.ownerId DESC, r.method DESC LIMIT coalesce($last, 0) + 1
    RETURN owner, r, key
  }
  RETURN owner, r, key
 }
 // In the sort key's order (code is $code on every row): a backward arm read them last first.
 WITH owner, r, key ORDER BY r.ownerId, r.method
 RETURN collect({owner: owner, r: r, key: key}) AS read
}
// The row read past the page (the last in order forward, the first backward) says there are more
// rows between the cursors than the page holds; it is not a row of the page.
WITH total, head(firstKeys) AS firstKey, head(lastKeys) AS lastKey, read, size(read) > coalesce($first, $last) AS more
WITH total, firstKey, lastKey, more,
     CASE WHEN NOT more THEN read WHEN $last IS NULL THEN read[..-1] ELSE read[1..] END AS page
WITH total, page, more,
     $after IS NOT NULL AND firstKey IS NOT NULL AND reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN firstKey[i] = $after[i] THEN 0 WHEN firstKey[i] < $after[i] THEN -1 ELSE 1 END) <= 0 AS someAtOrBeforeAfter,
     $before IS NOT NULL AND lastKey IS NOT NULL AND reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN lastKey[i] = $before[i] THEN 0 WHEN lastKey[i] < $before[i] THEN -1 ELSE 1 END) >= 0 AS someAtOrAfterBefore
// page-window's start > 0 and stop < total (the header's cases).
WITH total, page,
     (more AND $last IS NOT NULL) OR someAtOrBeforeAfter AS hasPreviousPage,
     (more AND $last IS NULL) OR someAtOrAfterBefore AS hasNextPage
// As code-feeds-page from here: one record per row, in page order.
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS at
WITH total, hasPreviousPage, hasNextPage, at, page[at] AS it, page[at].owner AS owner, page[at].r AS r
WITH total, hasPreviousPage, hasNextPage, at, it, r, endNode(r) AS c,
     CASE WHEN owner:ProjectAllocation THEN owner END AS a, CASE WHEN owner:InvestmentProject THEN owner END AS ip, owner
OPTIONAL MATCH (owner)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
OPTIONAL MATCH (a)-[:ALLOCATES]->(p:Project)
OPTIONAL MATCH (owner)-[:FOR_UNIT]->(u:BudgetUnit)
WITH total, hasPreviousPage, hasNextPage, at, it, d, dep, u, p, a, ip, r, c
// @include code-feed-row
RETURN total, hasPreviousPage, hasNextPage,
       CASE WHEN it IS NULL THEN null WHEN $withSortKeys THEN feed {.*, sortKey: it.key} ELSE feed END AS item
ORDER BY at
