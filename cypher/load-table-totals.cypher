// 合计 rows of classification tables (the whole table, or one 预算单位's block) with every column.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (t:TableTotal)
SET t = row, t.documentId = doc.documentId
REMOVE t.unitId
CREATE (t)-[:IN_DOCUMENT]->(d)
// unitId null: the table prints the department as a whole, no unit's (src/load/plan/facts.ts).
WITH t, row
WHERE row.unitId IS NOT NULL
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (t)-[:FOR_UNIT]->(u)
