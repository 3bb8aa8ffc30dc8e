// Figures (表内数字): every number a table prints that no richer record holds, with its row label,
// column header path and measure.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (f:Figure)
SET f = row, f.documentId = doc.documentId
CREATE (f)-[:IN_DOCUMENT]->(d)
