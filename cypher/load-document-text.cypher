// The document's text as printed, one list element per line (line n = lines[n - 1]), kept apart
// from the Document node so that reading a document's properties never carries its text; what
// the reader said about reading it (diagnostics, one JSON object each), served beside it; and
// where each line is printed (places: one JSON object per line, page and boxes in PDF points,
// src/load/places.ts), absent for a text without pages.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its text.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
CREATE (t:DocumentText {documentId: doc.documentId, lines: doc.lines, diagnostics: doc.diagnostics, places: doc.places})-[:TEXT_OF]->(d)
