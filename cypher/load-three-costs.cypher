// "三公"经费 figures, from the tables and from the prose, both kept.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (t:ThreeCosts)
SET t = row, t.documentId = doc.documentId
CREATE (t)-[:IN_DOCUMENT]->(d)
