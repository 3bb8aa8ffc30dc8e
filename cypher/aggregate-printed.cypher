// aggregate(): the 类 / 款 lines the same documents print for the codes a FUNCTION_CLASS or
// FUNCTION_SECTION (ECONOMIC_CLASS) cell sums, to say where the printed parent differs from Σ 项.
UNWIND $cells AS cell
MATCH (l:BudgetLine {code: cell.code})
WHERE l.documentId IN cell.documents AND l.scheme = $scheme AND l.basis = cell.basis
  AND (CASE WHEN $byFund THEN l.fund = cell.fund ELSE l.primary END)
  AND (cell.unitId IS NULL OR EXISTS { (l)-[:FOR_UNIT]->(:BudgetUnit {id: cell.unitId}) })
WITH cell, l, CASE $measure WHEN 'BASIC' THEN l.basicFen WHEN 'PROJECT' THEN l.projectFen ELSE l.totalFen END AS fen
RETURN cell.key AS key, sum(coalesce(fen, 0)) AS printedFen, count(l) AS printedLines, collect({line: l.srcLine, documentId: l.documentId, table: l.srcTable, text: l.srcText})[..5] AS sources
