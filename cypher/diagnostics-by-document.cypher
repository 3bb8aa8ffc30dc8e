// Each document's diagnostics (DataLoader batch): kept with its text, one JSON object each, in
// the order the reader raised them (src/load/loader.ts diagnosticsJson).
UNWIND $keys AS key
MATCH (t:DocumentText {documentId: key})
UNWIND coalesce(t.diagnostics, []) AS json
RETURN key, {json: json} AS value
