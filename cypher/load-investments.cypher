// Government investment projects (政府投资项目) as reported in this document, each tied to the
// budget unit that reports it (项目单位, else the unit a unit's own document is of; none when printed
// for the department as a whole: src/load/plan/investments.ts). Which project each
// reports on is decided in src/load/investment-reports.ts (load-investment-reports).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (ip:InvestmentProject)
SET ip = row, ip.documentId = doc.documentId
CREATE (ip)-[:IN_DOCUMENT]->(d)
WITH ip, row
WHERE row.unitId IS NOT NULL
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (ip)-[:FOR_UNIT]->(u)
