// 合计 rows of classification tables (the whole table, or one 预算单位's block) with every column.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (t:TableTotal)
SET t = row, t.documentId = $documentId
REMOVE t.unitId
CREATE (t)-[:IN_DOCUMENT]->(d)
CREATE (t)-[:FOR_UNIT]->(u)
