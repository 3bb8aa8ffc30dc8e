// A page of projects. $name matches any printed name; $department the department id, name or
// alias; $year (or $yearFrom..$yearTo) a year the project has an allocation in; $code a 功能分类
// code it is booked under; $minFen/$maxFen bound its amount. The amount is the sum of its
// allocations in the years asked for (all years when none). Sorted by up to two keys
// ($k1/$d1, $k2/$d2: AMOUNT, NAME, DEPARTMENT, YEAR), then department and name, so pages are stable.
MATCH (dep:Department)-[:RUNS]->(p:Project)
WHERE ($name IS NULL OR any(n IN p.names WHERE n CONTAINS $name))
  AND ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
  AND ($code IS NULL OR EXISTS { (p)<-[:ALLOCATES]-(:ProjectAllocation)-[:BOOKED_UNDER]->(:FunctionCode {code: $code}) })
CALL (p) {
  OPTIONAL MATCH (p)<-[:ALLOCATES]-(a:ProjectAllocation)
  WHERE ($year IS NULL OR a.year = $year) AND ($yearFrom IS NULL OR a.year >= $yearFrom) AND ($yearTo IS NULL OR a.year <= $yearTo)
  RETURN count(a) AS allocations, sum(a.amountFen) AS amountFen, max(a.year) AS lastYear
}
WITH p, dep, allocations, amountFen, lastYear
WHERE ($year IS NULL AND $yearFrom IS NULL AND $yearTo IS NULL OR allocations > 0)
  AND ($minFen IS NULL OR amountFen >= $minFen)
  AND ($maxFen IS NULL OR amountFen <= $maxFen)
WITH p, dep, amountFen, lastYear
ORDER BY
  CASE WHEN $k1 = 'AMOUNT' AND $d1 = 'ASC' THEN amountFen END ASC,
  CASE WHEN $k1 = 'AMOUNT' AND $d1 = 'DESC' THEN amountFen END DESC,
  CASE WHEN $k1 = 'NAME' AND $d1 = 'ASC' THEN p.name END ASC,
  CASE WHEN $k1 = 'NAME' AND $d1 = 'DESC' THEN p.name END DESC,
  CASE WHEN $k1 = 'DEPARTMENT' AND $d1 = 'ASC' THEN dep.name END ASC,
  CASE WHEN $k1 = 'DEPARTMENT' AND $d1 = 'DESC' THEN dep.name END DESC,
  CASE WHEN $k1 = 'YEAR' AND $d1 = 'ASC' THEN lastYear END ASC,
  CASE WHEN $k1 = 'YEAR' AND $d1 = 'DESC' THEN lastYear END DESC,
  CASE WHEN $k2 = 'AMOUNT' AND $d2 = 'ASC' THEN amountFen END ASC,
  CASE WHEN $k2 = 'AMOUNT' AND $d2 = 'DESC' THEN amountFen END DESC,
  CASE WHEN $k2 = 'NAME' AND $d2 = 'ASC' THEN p.name END ASC,
  CASE WHEN $k2 = 'NAME' AND $d2 = 'DESC' THEN p.name END DESC,
  CASE WHEN $k2 = 'DEPARTMENT' AND $d2 = 'ASC' THEN dep.name END ASC,
  CASE WHEN $k2 = 'DEPARTMENT' AND $d2 = 'DESC' THEN dep.name END DESC,
  CASE WHEN $k2 = 'YEAR' AND $d2 = 'ASC' THEN lastYear END ASC,
  CASE WHEN $k2 = 'YEAR' AND $d2 = 'DESC' THEN lastYear END DESC,
  dep.name, p.name, p.id
WITH collect(p {.*, departmentId: dep.id, amountFen: amountFen}) AS matched
RETURN size(matched) AS total, matched[$skip..$skip + $limit] AS items
