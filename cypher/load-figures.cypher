// Figures (表内数字): every number a table prints that no richer record holds, with its row label,
// column header path and measure.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (f:Figure)
SET f = row, f.documentId = $documentId
CREATE (f)-[:IN_DOCUMENT]->(d)
