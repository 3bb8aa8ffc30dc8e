// Other documents of the same department, year and unit sharing a kind (预算 / 决算 / 绩效): a
// second budget of one department and year is a mistake unless it explicitly replaces the first.
// A unit's own documents (单位预算, 单位决算: the 预算单位 they print) are one per unit, beside the
// department's (no unit printed): two of different units both stand.
// Found from the department, never from the year (load-documents-same-slot-many says why).
MATCH (dep:Department {id: $departmentId})-[:PUBLISHED]->(d:Document)
USING INDEX dep:Department(id)
WHERE d.year = $year AND d.file <> $file AND any(k IN d.kinds WHERE k IN $kinds)
  AND coalesce(d.unitPrinted, '') = coalesce($unit, '')
RETURN d.file AS file
ORDER BY file
