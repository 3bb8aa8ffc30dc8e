// aggregate() by UNIT of a project measure, for documents whose line tables print no 预算单位 but
// whose project table does (预算单位 rows heading their projects, 部门预算绩效管理项目情况表): the
// projects printed under each unit, summed per unit, with the unit rows the table prints for that
// unit (never a row heading the unit rows, which is the department's). $exclude: the documents
// already answered from lines printed by unit. A budget's allocations count their 预算数, final
// accounts' their 执行数; $basis null reads each document in its own basis (split by BASIS).
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
WHERE NOT d.id IN $exclude
WITH dep, d, null AS l
WHERE true
// @include aggregate-where
MATCH (a:ProjectAllocation {documentId: d.id})-[:FOR_UNIT]->(u:BudgetUnit)
WHERE a.unitPrinted IS NOT NULL
WITH dep, d, a, u, CASE WHEN 'FINAL_ACCOUNTS' IN d.kinds THEN 'ACTUAL' ELSE 'BUDGET' END AS own
WHERE $basis IS NULL OR own = $basis
WITH CASE WHEN 'YEAR' IN $dims THEN d.year END AS year,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.id END AS departmentId,
     CASE WHEN 'DEPARTMENT' IN $dims THEN dep.name END AS departmentName,
     u.id AS unitId,
     CASE WHEN 'DOCUMENT_KIND' IN $dims THEN d.kinds[0] END AS documentKind,
     CASE WHEN 'BASIS' IN $dims THEN own END AS basis,
     d, a, CASE own WHEN 'ACTUAL' THEN a.executedFen ELSE a.amountFen END AS fen
// The unit's name as the project table prints it (a.unitPrinted), not the node's first-seen name.
WITH year, departmentId, departmentName, unitId, head(collect(DISTINCT a.unitPrinted)) AS unitName, documentKind, basis,
     sum(coalesce(fen, 0)) AS amountFen, count(fen) AS facts,
     collect(DISTINCT d.id) AS documents, collect(DISTINCT a.unitTable) AS tables,
     collect(DISTINCT {documentId: d.id, table: a.unitTable}) AS printedIn
RETURN year, departmentId, departmentName, unitId, unitName, documentKind, basis, null AS fund, null AS code,
       amountFen, facts, documents, tables,
       [k IN printedIn | [(t:TableTotal {documentId: k.documentId})-[:FOR_UNIT]->(:BudgetUnit {id: unitId})
          WHERE t.srcTable = k.table AND NOT coalesce(t.headsUnits, false) AND t.projectFen IS NOT NULL
          | {amountFen: t.projectFen, line: t.srcLine, documentId: k.documentId, table: t.srcTable, text: t.srcText}]] AS printedRows
ORDER BY year, departmentName, unitName, documentKind, basis
LIMIT $limit
