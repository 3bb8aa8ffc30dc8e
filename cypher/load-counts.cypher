// Nodes and relationships that hang off one document (for the loader's progress report).
MATCH (d:Document {id: $documentId})<-[r:IN_DOCUMENT]-(f)
RETURN count(f) AS facts
