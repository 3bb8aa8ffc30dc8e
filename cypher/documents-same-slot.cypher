// Other documents of the same department and year sharing a kind (预算 / 决算 / 绩效): a second
// budget of one department and year is a mistake unless it explicitly replaces the first.
MATCH (:Department {id: $departmentId})-[:PUBLISHED]->(d:Document)
WHERE d.year = $year AND d.file <> $file AND any(k IN d.kinds WHERE k IN $kinds)
RETURN d.file AS file
ORDER BY file
