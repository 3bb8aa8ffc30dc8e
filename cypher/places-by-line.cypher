// Where lines are printed (DataLoader batch, src/query/places.ts): each key is "<line>#<documentId>",
// its value the line's stored place (one JSON object: page and boxes) and the line as stored (its
// cells' texts), none when the document stores no places (a text without pages) or has no such line.
UNWIND $keys AS key
WITH key, split(key, '#')[0] AS lineText
WITH key, toInteger(lineText) AS line, substring(key, size(lineText) + 1) AS documentId
MATCH (t:DocumentText {documentId: documentId})
WITH key, line, t.places[line - 1] AS json, t.lines[line - 1] AS text
WHERE line >= 1 AND json IS NOT NULL
RETURN key, {json: json, text: text} AS value
