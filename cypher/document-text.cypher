// Lines $from..$to (1-based, inclusive, clipped to the document) of a document's text, with the
// number of lines it has.
MATCH (d:Document) WHERE d.id = $id OR d.file = $id
MATCH (t:DocumentText)-[:TEXT_OF]->(d)
RETURN size(t.lines) AS lineCount,
       [i IN range(CASE WHEN $from < 1 THEN 1 ELSE $from END, CASE WHEN $to > size(t.lines) THEN size(t.lines) ELSE $to END) | {line: i, text: t.lines[i - 1]}] AS lines
