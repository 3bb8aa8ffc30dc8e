// "三公"经费 figures, from the tables and from the prose, both kept.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (t:ThreeCosts)
SET t = row, t.documentId = $documentId
CREATE (t)-[:IN_DOCUMENT]->(d)
