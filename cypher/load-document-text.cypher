// The document's text as printed, one list element per line (line n = lines[n - 1]), kept apart
// from the Document node so that reading a document's properties never carries its text; what
// the reader said about reading it (diagnostics, one JSON object each), served beside it; and
// where each line is printed (places: one JSON object per line, page and boxes in PDF points,
// src/load/places.ts), absent for a text without pages.
MATCH (d:Document {id: $documentId})
CREATE (t:DocumentText {documentId: $documentId, lines: $lines, diagnostics: $diagnostics, places: $places})-[:TEXT_OF]->(d)
