// Included near the end of every page statement (`// @include page-window`): the keyset window
// over `matched`, a list already sorted by each item's `sortKey` in the directions $dirs. It
// leaves total, page, hasPreviousPage and hasNextPage; the statement then projects only the
// rows of the page (their properties are read for at most `first` rows, not for every match).
// $after / $before are cursors' sort keys: the rows strictly after $after and strictly before
// $before, then the first $first of them or the last $last. Keys are compared, rows are not
// looked up, so a cursor whose row has left the graph still marks its place.
WITH matched,
  CASE WHEN $after IS NULL THEN 0 ELSE size([m IN matched WHERE reduce(c = 0, i IN range(0, size($dirs) - 1) |
    CASE WHEN c <> 0 THEN c WHEN m.sortKey[i] = $after[i] THEN 0
         WHEN (m.sortKey[i] < $after[i]) = ($dirs[i] = 'ASC') THEN -1 ELSE 1 END) <= 0]) END AS lo,
  CASE WHEN $before IS NULL THEN size(matched) ELSE size([m IN matched WHERE reduce(c = 0, i IN range(0, size($dirs) - 1) |
    CASE WHEN c <> 0 THEN c WHEN m.sortKey[i] = $before[i] THEN 0
         WHEN (m.sortKey[i] < $before[i]) = ($dirs[i] = 'ASC') THEN -1 ELSE 1 END) < 0]) END AS hi
WITH matched, lo, hi, CASE WHEN $last IS NULL THEN lo WHEN hi - $last > lo THEN hi - $last ELSE lo END AS start
WITH matched, start, CASE WHEN $last IS NOT NULL THEN hi WHEN start + $first < hi THEN start + $first ELSE hi END AS stop
WITH size(matched) AS total, CASE WHEN stop > start THEN matched[start..stop] ELSE [] END AS page,
     start > 0 AS hasPreviousPage, stop < size(matched) AS hasNextPage
