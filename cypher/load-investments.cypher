// Government investment projects (政府投资项目) as reported in this document, each tied to the
// budget unit that reports it (项目单位, else the department's own unit). Which project each
// reports on is decided in src/load/investment-reports.ts (load-investment-reports).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (ip:InvestmentProject)
SET ip = row, ip.documentId = $documentId
CREATE (ip)-[:IN_DOCUMENT]->(d)
CREATE (ip)-[:FOR_UNIT]->(u)
