// Budget lines: one per document × table × unit × code, with every amount column (fen).
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
// A row's unitId is null when its table prints the department as a whole: such a line is no
// unit's and gets no FOR_UNIT (src/load/plan/lines.ts). A row: the values the line stores, its
// code's key and its unit apart (src/load/sent-rows.ts).
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
MATCH (c:Code {key: row.codeKey})
CREATE (l:BudgetLine)
SET l = row.values, l.documentId = doc.documentId
CREATE (l)-[:IN_DOCUMENT]->(d)
CREATE (l)-[:OF_CODE]->(c)
WITH l, row
WHERE row.unitId IS NOT NULL
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (l)-[:FOR_UNIT]->(u)
