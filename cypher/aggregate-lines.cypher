// aggregate(): exact sums of 项 (level-3) lines, grouped by the requested dimensions. Each document
// counts once: its primary table of the scheme (all funds), or with FUND its tables of one fund.
// Dimensions not asked for group as null. Money is summed as integer fen (exact in 64 bits).
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
WHERE ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department OR any(a IN dep.aliases WHERE a CONTAINS $department))
  AND ($years IS NULL OR d.year IN $years)
  AND ($yearFrom IS NULL OR d.year >= $yearFrom)
  AND ($yearTo IS NULL OR d.year <= $yearTo)
  AND ($kinds IS NULL OR any(k IN d.kinds WHERE k IN $kinds))
MATCH (l:BudgetLine {documentId: d.id})
WHERE l.scheme = $scheme AND l.level = $level AND l.basis = $basis
  AND (CASE WHEN $byFund THEN l.fund IS NOT NULL ELSE l.primary END)
  AND ($codes IS NULL OR any(c IN $codes WHERE l.code STARTS WITH c))
OPTIONAL MATCH (l)-[:FOR_UNIT]->(u:BudgetUnit)
WITH d, dep, u, l,
     CASE $measure WHEN 'BASIC' THEN l.basicFen WHEN 'PROJECT' THEN l.projectFen ELSE l.totalFen END AS fen
WITH CASE WHEN 'YEAR' IN $dims THEN d.year END AS year,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.id END AS departmentId,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.name END AS departmentName,
     CASE WHEN 'UNIT' IN $dims THEN u.id END AS unitId,
     CASE WHEN 'UNIT' IN $dims THEN u.name END AS unitName,
     CASE WHEN 'DOCUMENT_KIND' IN $dims THEN d.kinds[0] END AS documentKind,
     CASE WHEN 'FUND' IN $dims THEN l.fund END AS fund,
     CASE WHEN $codeLength IS NULL THEN null ELSE left(l.code, $codeLength) END AS code,
     d, l, fen
RETURN year, departmentId, departmentName, unitId, unitName, documentKind, fund, code,
       sum(coalesce(fen, 0)) AS amountFen, count(fen) AS facts, count(l) AS lines,
       collect(DISTINCT d.id) AS documents
ORDER BY year, departmentName, unitName, documentKind, fund, code
LIMIT $limit
