// Where lines are printed (DataLoader batch, src/query/places.ts): each key is "<line>#<documentId>",
// its value the line's stored place (one JSON object: page and boxes) and the line as stored (its
// cells' texts), none when the document stores no places (a text without pages) or has no such line.
// The keys are grouped by document so that each document's text is matched once and its places and
// lines taken once: matched per key, a 10,000-line document's two 10,000-entry lists were read for
// every one of its lines (Source.cells of each line ran past the transaction's timeout, a 503).
UNWIND $keys AS key
WITH key, split(key, '#')[0] AS lineText
WITH key, toInteger(lineText) AS line, substring(key, size(lineText) + 1) AS documentId
WITH documentId, collect({key: key, line: line}) AS wanted
MATCH (t:DocumentText {documentId: documentId})
WITH t.places AS places, t.lines AS lines, wanted
UNWIND wanted AS w
WITH w.key AS key, w.line AS line, places[w.line - 1] AS json, lines[w.line - 1] AS text
WHERE line >= 1 AND json IS NOT NULL
RETURN key, {json: json, text: text} AS value
