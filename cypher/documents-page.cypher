// A page of documents, newest year first. Filters are optional (null = any).
// $department matches the department id, name or any alias (substring).
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
WHERE ($file IS NULL OR d.file = $file OR d.id = $file)
  AND ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
  AND ($year IS NULL OR d.year = $year)
  AND ($kind IS NULL OR $kind IN d.kinds)
WITH d, dep ORDER BY d.year DESC, d.file
WITH collect(d {.*, departmentId: dep.id}) AS matched
RETURN size(matched) AS total, matched[$skip..$skip + $limit] AS items
