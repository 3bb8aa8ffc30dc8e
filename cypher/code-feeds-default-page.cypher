// codeFeeds in its default order (no orderBy), one code, no department, no years, no
// includeDescendants: the page code-feeds-page gives, read through the relationship index
// booked_under_code_owner (code, status, ownerId) in the sort key's order [owner id, code, method]
// instead of expanding and sorting every link of the code (10,296 at 10,000 generated documents).
// Bounded: the page (at most $first / $last links read past the cursor) and the first and last
// link (for hasPreviousPage / hasNextPage). Not bounded: total, one index entry a link (its count
// is asked). Every other order, a department, years and includeDescendants stay on
// code-feeds-page (src/query/repository.ts codeFeeds chooses).
// ORDER BY names the index's equality prefix (code, status) before ownerId: with ownerId alone
// the planner sorts every link of the code (a Top over 10,296) instead of reading the index's order.
// Cursors are code-feeds-page's (the same signature and sort key); the window and the two flags
// are page-window's, reached without counting positions:
//   lo > 0 (a row at or before $after)    ⟺ the first row is at or before it;
//   lo < total (a row after $after)       ⟺ the last row is after it;
//   hi > 0 (a row before $before)         ⟺ the first row is before it;
//   hi < total (a row at or after $before) ⟺ the last row is at or after it,
// as a key compares to a cursor as page-window compares it (position by position, ASC; a value
// that is not comparable, or missing, counts as greater), which is monotone in the sort order.
// The total counts index entries alone (one db hit a link, where testing each owner was three):
// every BOOKED_UNDER starts at an allocation or at an investment project created with its
// IN_DOCUMENT (load-investments), which the rows' own test below keeps saying and
// tests/integration/derived-properties.test.ts checks.
CALL () {
  MATCH ()-[r:BOOKED_UNDER]->()
  WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId IS NOT NULL
  RETURN count(r) AS total
}
CALL () {
  MATCH (owner)-[r:BOOKED_UNDER]->()
  WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId IS NOT NULL
    AND (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
  WITH r ORDER BY r.code, r.status, r.ownerId, r.method LIMIT 1
  RETURN collect([r.ownerId, r.code, r.method]) AS firstKeys
}
CALL () {
  MATCH (owner)-[r:BOOKED_UNDER]->()
  WHERE r.code = $code AND r.status = 'COUNTED' AND r.ownerId IS NOT NULL
    AND (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
  WITH r ORDER BY r.code DESC, r.status DESC, r.ownerId DESC, r.method DESC LIMIT 1
  RETURN collect([r.ownerId, r.code, r.method]) AS lastKeys
}
// The page's links: forward ($first after $after) from the cursor's owner id on, or backward
// ($last before $before) from $before's owner id down (or from the end); each arm runs only when
// it is the one asked (its UNWIND is empty otherwise). A cursor whose first value is not a
// string is after every row (page-window's rule), so forward starts at the first owner ('') and
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
    WITH owner, r, key ORDER BY r.code, r.status, r.ownerId, r.method LIMIT coalesce($first, 0)
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
    WITH owner, r, key ORDER BY r.code DESC, r.status DESC, r.ownerId DESC, r.method DESC LIMIT coalesce($last, 0)
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
    WITH owner, r, key ORDER BY r.code DESC, r.status DESC, r.ownerId DESC, r.method DESC LIMIT coalesce($last, 0)
    RETURN owner, r, key
  }
  RETURN owner, r, key
 }
 // In the sort key's order (code is $code on every row): a backward arm read them last first.
 WITH owner, r, key ORDER BY r.ownerId, r.method
 RETURN collect({owner: owner, r: r, key: key}) AS page
}
WITH total, head(firstKeys) AS firstKey, head(lastKeys) AS lastKey, page
WITH total, page, firstKey, lastKey,
     $after IS NOT NULL AND firstKey IS NOT NULL AND reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN firstKey[i] = $after[i] THEN 0 WHEN firstKey[i] < $after[i] THEN -1 ELSE 1 END) <= 0 AS someAtOrBeforeAfter,
     lastKey IS NOT NULL AND ($after IS NULL OR reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN lastKey[i] = $after[i] THEN 0 WHEN lastKey[i] < $after[i] THEN -1 ELSE 1 END) > 0) AS someAfterAfter,
     firstKey IS NOT NULL AND ($before IS NULL OR reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN firstKey[i] = $before[i] THEN 0 WHEN firstKey[i] < $before[i] THEN -1 ELSE 1 END) < 0) AS someBeforeBefore,
     $before IS NOT NULL AND lastKey IS NOT NULL AND reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN lastKey[i] = $before[i] THEN 0 WHEN lastKey[i] < $before[i] THEN -1 ELSE 1 END) >= 0 AS someAtOrAfterBefore
// page-window's start > 0 and stop < total, case by case (forward or backward, page empty or not).
WITH total, page,
     CASE WHEN $last IS NULL THEN someAtOrBeforeAfter
          WHEN size(page) > 0 THEN reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN firstKey[i] = page[0].key[i] THEN 0 WHEN firstKey[i] < page[0].key[i] THEN -1 ELSE 1 END) < 0
          ELSE someAtOrBeforeAfter OR ($last = 0 AND someBeforeBefore) END AS hasPreviousPage,
     CASE WHEN $last IS NOT NULL THEN someAtOrAfterBefore
          WHEN size(page) > 0 THEN reduce(c = 0, i IN range(0, 2) | CASE WHEN c <> 0 THEN c WHEN lastKey[i] = page[-1].key[i] THEN 0 WHEN lastKey[i] < page[-1].key[i] THEN -1 ELSE 1 END) > 0
          ELSE someAfterAfter OR someAtOrAfterBefore END AS hasNextPage
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
