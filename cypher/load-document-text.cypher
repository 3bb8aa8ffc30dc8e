// The document's text as printed, one list element per line (line n = lines[n - 1]), kept apart
// from the Document node so that reading a document's properties never carries its text; and
// what the reader said about reading it (diagnostics, one JSON object each), served beside it.
MATCH (d:Document {id: $documentId})
CREATE (t:DocumentText {documentId: $documentId, lines: $lines, diagnostics: $diagnostics})-[:TEXT_OF]->(d)
