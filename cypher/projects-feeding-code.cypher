// Which projects fed a 功能分类 code, per year, with how each link was established.
// $department matches the department id, name or any alias (substring); null = all.
// $includeDescendants also counts links to the code's sub-codes (201 → 20105 → 2010504).
MATCH (c:FunctionCode)
WHERE c.code = $code OR ($includeDescendants AND c.code STARTS WITH $code)
MATCH (c)<-[r:BOOKED_UNDER]-(a:ProjectAllocation)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
WHERE ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
  AND ($years IS NULL OR d.year IN $years)
MATCH (a)-[:ALLOCATES]->(p:Project)
MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
// The department, unit and project come back whole when the query reads more of them than their
// id and name ($whole*: src/query/projection.ts), so the API needs no further round-trips.
RETURN d.year AS year, d.id AS documentId, dep.id AS departmentId, u.id AS unitId, p.id AS projectId,
       CASE WHEN $wholeDepartment THEN dep {.id, .name, .aliases, .aliasRules} ELSE dep {.id, .name} END AS department,
       CASE WHEN $wholeUnit THEN u {.id, .name, .isSelf} ELSE u {.id, .name} END AS unit,
       CASE WHEN $wholeProject THEN p {.id, .name, .names, .normName, departmentId: dep.id} ELSE p {.id, .name, .normName, departmentId: dep.id} END AS projectNode,
       a.id AS allocationId, a.name AS project, coalesce(r.amountFen, a.amountFen) AS amountFen,
       r.method AS method, r.note AS note, r.evidence AS evidence, c.code AS code
ORDER BY year, dep.name, u.name, project, method
