// aggregate(measure: DOCUMENT_TOTAL): each matching document's headline total (Document.total:
// its primary table's 支出合计, or a form's 金额合计) in the basis it prints, grouped by year,
// department, kind and basis. Documents without a total are counted in none.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
WHERE d.totalFen IS NOT NULL
WITH dep, d, null AS l
WHERE true
// @include aggregate-where
// A unit's own document (it names its 预算单位: d.unitPrinted) is left out when the answer holds a
// document of its whole department of the same year and basis: its total is inside that one's.
WITH dep, collect(d) AS matched
WITH dep, matched, [w IN matched WHERE w.unitPrinted IS NULL | [w.year, w.totalBasis]] AS wholes
UNWIND matched AS d
WITH dep, d
WHERE d.unitPrinted IS NULL OR NOT [d.year, d.totalBasis] IN wholes
WITH CASE WHEN 'YEAR' IN $dims THEN d.year END AS year,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.id END AS departmentId,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.name END AS departmentName,
     CASE WHEN 'DOCUMENT_KIND' IN $dims THEN d.kinds[0] END AS documentKind,
     CASE WHEN 'BASIS' IN $dims THEN d.totalBasis END AS basis,
     d
RETURN year, departmentId, departmentName, null AS unitId, null AS unitName, documentKind, basis, null AS fund, null AS code,
       sum(d.totalFen) AS amountFen, count(d) AS facts, count(d) AS lines, collect(DISTINCT d.id) AS documents, collect(DISTINCT d.totalTable) AS tables
ORDER BY year, departmentName, documentKind, basis
LIMIT $limit
