// Government investment projects (政府投资项目) as reported in this document, each tied to the
// budget unit that reports it (项目单位, else the department's own unit). Which project each
// reports on is decided in src/load/investment-reports.ts (load-investment-reports).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (ip:InvestmentProject)
SET ip = row, ip.documentId = doc.documentId
CREATE (ip)-[:IN_DOCUMENT]->(d)
CREATE (ip)-[:FOR_UNIT]->(u)
