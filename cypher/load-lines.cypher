// Budget lines: one per document × table × unit × code, with every amount column (fen).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
MATCH (c:Code {key: row.label + ':' + row.code})
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (l:BudgetLine)
SET l = row, l.documentId = doc.documentId
REMOVE l.label, l.unitId
CREATE (l)-[:IN_DOCUMENT]->(d)
CREATE (l)-[:OF_CODE]->(c)
CREATE (l)-[:FOR_UNIT]->(u)
