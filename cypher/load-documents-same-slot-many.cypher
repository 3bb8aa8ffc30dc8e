// load-documents-same-slot for each document of a batch (src/load/loader.ts loadParsedBatch): the
// other documents of its department and year sharing a kind, one read for the whole batch.
// Found from the department (a few documents each), never from the year: Document.year's index
// (money-trail's) holds every document of the year, and a plan made while the graph was small
// chose it, so each batch read all of a year's documents (54 ms a batch over 1,000 documents, and
// growing with the graph). The hint keeps the department's unique index whatever the statistics.
UNWIND $slots AS s
MATCH (dep:Department {id: s.departmentId})-[:PUBLISHED]->(d:Document)
USING INDEX dep:Department(id)
WHERE d.year = s.year AND d.file <> s.file AND any(k IN d.kinds WHERE k IN s.kinds)
  AND coalesce(d.unitPrinted, '') = coalesce(s.unit, '')
RETURN s.file AS of, d.file AS file
ORDER BY of, file
