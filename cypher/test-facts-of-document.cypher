// Tests only: the nodes that carry a document's id (a fact of a rolled-back load would).
MATCH (n) WHERE n.documentId = $documentId OR n.id = $documentId
RETURN count(n) AS n
