// Budget lines: one per document × table × unit × code, with every amount column (fen).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MATCH (c:Code {key: row.label + ':' + row.code})
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (l:BudgetLine)
SET l = row, l.documentId = $documentId
REMOVE l.label, l.unitId
CREATE (l)-[:IN_DOCUMENT]->(d)
CREATE (l)-[:OF_CODE]->(c)
CREATE (l)-[:FOR_UNIT]->(u)
