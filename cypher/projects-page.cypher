// A page of projects. $name matches any printed name; $department the department id, name or
// alias; $year a year the project has an allocation in; $code a 功能分类 code it is booked under.
MATCH (dep:Department)-[:RUNS]->(p:Project)
WHERE ($name IS NULL OR any(n IN p.names WHERE n CONTAINS $name))
  AND ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
  AND ($year IS NULL OR EXISTS { (p)<-[:ALLOCATES]-(a:ProjectAllocation) WHERE a.year = $year })
  AND ($code IS NULL OR EXISTS { (p)<-[:ALLOCATES]-(:ProjectAllocation)-[:BOOKED_UNDER]->(:FunctionCode {code: $code}) })
WITH p, dep ORDER BY dep.name, p.name
WITH collect(p {.*, departmentId: dep.id}) AS matched
RETURN size(matched) AS total, matched[$skip..$skip + $limit] AS items
