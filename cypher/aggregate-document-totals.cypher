// aggregate(measure: DOCUMENT_TOTAL): each matching document's headline total (Document.total:
// its primary table's 支出合计, or a form's 金额合计) in the basis it prints, grouped by year,
// department, kind and basis. Documents without a total are counted in none.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
WHERE d.totalFen IS NOT NULL
WITH dep, d, null AS l
WHERE true
// @include aggregate-where
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
