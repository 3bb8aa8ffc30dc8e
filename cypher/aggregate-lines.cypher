// aggregate(): exact sums of 项 (level-3) lines, grouped by the requested dimensions. Each document
// counts once: its primary table of the scheme (all funds), or with FUND its tables of one fund.
// $basis null reads each document in its own basis (BUDGET lines of a budget, ACTUAL lines of
// final accounts); the caller then groups by BASIS so the two are never added. Dimensions not
// asked for group as null. Money is summed as integer fen (exact in 64 bits). Grouped by UNIT, only
// lines of a unit are read (FOR_UNIT: a table prints them under a 预算单位, or the document is that
// unit's own 单位预算 / 单位决算): a line of the department as a whole is no unit's.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
MATCH (l:BudgetLine {documentId: d.id})
WHERE l.scheme = $scheme AND l.level = $level AND ($basis IS NULL OR l.basis = $basis)
  AND (CASE WHEN $byFund THEN l.fund IS NOT NULL ELSE l.primary END)
// @include aggregate-where
OPTIONAL MATCH (l)-[:FOR_UNIT]->(u:BudgetUnit)
WITH d, dep, u, l WHERE NOT 'UNIT' IN $dims OR u IS NOT NULL
// Not by UNIT, a unit's own document (it names its 预算单位: d.unitPrinted) is left out when a
// document of its whole department of the same year and basis is in the answer too: the unit's
// money is inside that one's, and adding both counts it twice. By UNIT it stays: it is the unit's.
WITH dep, collect({d: d, u: u, l: l}) AS rows, collect(DISTINCT CASE WHEN d.unitPrinted IS NULL THEN [d.year, d.totalBasis] END) AS wholes
UNWIND rows AS r
WITH dep, r.d AS d, r.u AS u, r.l AS l, wholes
WHERE 'UNIT' IN $dims OR d.unitPrinted IS NULL OR NOT [d.year, d.totalBasis] IN wholes
WITH d, dep, u, l,
     CASE $measure WHEN 'BASIC' THEN l.basicFen WHEN 'PROJECT' THEN l.projectFen ELSE l.totalFen END AS fen
WITH CASE WHEN 'YEAR' IN $dims THEN d.year END AS year,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.id END AS departmentId,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.name END AS departmentName,
     CASE WHEN 'UNIT' IN $dims THEN u.id END AS unitId,
     CASE WHEN 'DOCUMENT_KIND' IN $dims THEN d.kinds[0] END AS documentKind,
     CASE WHEN 'BASIS' IN $dims THEN l.basis END AS basis,
     CASE WHEN 'FUND' IN $dims THEN l.fund END AS fund,
     CASE WHEN $codeLength IS NULL THEN null ELSE left(l.code, $codeLength) END AS code,
     d, l, fen
// The unit's name as the documents print it (over the line, else on the unit's own document), not
// the node's first-seen name; a unit's own document says so beside its tables.
RETURN year, departmentId, departmentName, unitId, head(collect(DISTINCT CASE WHEN 'UNIT' IN $dims THEN coalesce(l.unitPrinted, d.unitPrinted) END)) AS unitName,
       documentKind, basis, fund, code,
       sum(coalesce(fen, 0)) AS amountFen, count(fen) AS facts, count(l) AS lines,
       collect(DISTINCT d.id) AS documents,
       collect(DISTINCT CASE WHEN 'UNIT' IN $dims AND l.unitPrinted IS NULL THEN l.srcTable + ' of the unit’s own document (' + d.unitPrinted + ')' ELSE l.srcTable END) AS tables
ORDER BY year, departmentName, unitName, documentKind, basis, fund, code
LIMIT $limit
