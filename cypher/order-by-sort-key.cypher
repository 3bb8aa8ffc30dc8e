// Included after `WITH …, sortKey` in page statements (`// @include order-by-sort-key`): orders
// rows by their sortKey list, position by position, each in its direction ($dirs: 'ASC' / 'DESC'),
// as page-window compares them. Up to ten positions (sort keys asked + the list's tie-breaks).
ORDER BY
  CASE WHEN $dirs[0] = 'ASC' THEN sortKey[0] END ASC, CASE WHEN $dirs[0] = 'DESC' THEN sortKey[0] END DESC,
  CASE WHEN $dirs[1] = 'ASC' THEN sortKey[1] END ASC, CASE WHEN $dirs[1] = 'DESC' THEN sortKey[1] END DESC,
  CASE WHEN $dirs[2] = 'ASC' THEN sortKey[2] END ASC, CASE WHEN $dirs[2] = 'DESC' THEN sortKey[2] END DESC,
  CASE WHEN $dirs[3] = 'ASC' THEN sortKey[3] END ASC, CASE WHEN $dirs[3] = 'DESC' THEN sortKey[3] END DESC,
  CASE WHEN $dirs[4] = 'ASC' THEN sortKey[4] END ASC, CASE WHEN $dirs[4] = 'DESC' THEN sortKey[4] END DESC,
  CASE WHEN $dirs[5] = 'ASC' THEN sortKey[5] END ASC, CASE WHEN $dirs[5] = 'DESC' THEN sortKey[5] END DESC,
  CASE WHEN $dirs[6] = 'ASC' THEN sortKey[6] END ASC, CASE WHEN $dirs[6] = 'DESC' THEN sortKey[6] END DESC,
  CASE WHEN $dirs[7] = 'ASC' THEN sortKey[7] END ASC, CASE WHEN $dirs[7] = 'DESC' THEN sortKey[7] END DESC,
  CASE WHEN $dirs[8] = 'ASC' THEN sortKey[8] END ASC, CASE WHEN $dirs[8] = 'DESC' THEN sortKey[8] END DESC,
  CASE WHEN $dirs[9] = 'ASC' THEN sortKey[9] END ASC, CASE WHEN $dirs[9] = 'DESC' THEN sortKey[9] END DESC
