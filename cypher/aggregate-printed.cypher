// aggregate(): the 类 / 款 lines the same documents print for the codes a FUNCTION_CLASS or
// FUNCTION_SECTION (ECONOMIC_CLASS) cell sums, to say where the printed parent differs from Σ 项.
// The lines are sought by code and document together (budget_line_code_document): a cell reads
// the lines its documents print of its code, whatever the rest of the graph holds. By code alone
// it read the code's lines in every document (the plan on 1,000 generated documents); by
// documentId alone every line of each of its documents (the plan the planner chose at 10,000:
// 541,104 lines read for 13,336 kept) — both grew with the corpus, not with the cell.
UNWIND $cells AS cell
MATCH (l:BudgetLine)
USING INDEX l:BudgetLine(code, documentId)
WHERE l.code = cell.code AND l.documentId IN cell.documents AND l.scheme = $scheme AND l.basis = cell.basis
  AND (CASE WHEN $byFund THEN l.fund = cell.fund ELSE l.primary END)
  AND (cell.unitId IS NULL OR EXISTS { (l)-[:FOR_UNIT]->(:BudgetUnit {id: cell.unitId}) })
WITH cell, l, CASE $measure WHEN 'BASIC' THEN l.basicFen WHEN 'PROJECT' THEN l.projectFen ELSE l.totalFen END AS fen
// The sources in the documents' order and the order they print them (the index's order followed
// the plan: first by node, later by the cell's list), so the five named are the same on any plan.
ORDER BY l.documentId, l.srcLine
RETURN cell.key AS key, sum(coalesce(fen, 0)) AS printedFen, count(l) AS printedLines, collect({line: l.srcLine, documentId: l.documentId, table: l.srcTable, text: l.srcText})[..5] AS sources
