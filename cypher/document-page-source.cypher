// What a page image needs (src/api/page-images.ts): the document's original, and its text's
// diagnostics and places, from which the lines whose personal data was redacted are found and
// painted over on the page before it is served.
MATCH (d:Document {id: $id})
OPTIONAL MATCH (t:DocumentText {documentId: $id})
RETURN d.originalSha256 AS sha256, coalesce(t.diagnostics, []) AS diagnostics, coalesce(t.places, []) AS places
