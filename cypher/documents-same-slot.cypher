// Other documents of the same department and year sharing a kind (预算 / 决算 / 绩效): a second
// budget of one department and year is a mistake unless it explicitly replaces the first. Unit
// budgets (单位预算) of one department are one per unit: two of different units both stand.
MATCH (:Department {id: $departmentId})-[:PUBLISHED]->(d:Document)
WHERE d.year = $year AND d.file <> $file AND any(k IN d.kinds WHERE k IN $kinds)
  AND NOT ('UNIT_BUDGET' IN $kinds AND 'UNIT_BUDGET' IN d.kinds AND coalesce(d.unitPrinted, '') <> coalesce($unit, ''))
RETURN d.file AS file
ORDER BY file
