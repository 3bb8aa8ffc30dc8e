// documents-same-slot for each document of a batch (src/load/loader.ts loadParsedBatch): the
// other documents of its department and year sharing a kind, one read for the whole batch.
UNWIND $slots AS s
MATCH (:Department {id: s.departmentId})-[:PUBLISHED]->(d:Document)
WHERE d.year = s.year AND d.file <> s.file AND any(k IN d.kinds WHERE k IN s.kinds)
  AND coalesce(d.unitPrinted, '') = coalesce(s.unit, '')
RETURN s.file AS of, d.file AS file
ORDER BY of, file
