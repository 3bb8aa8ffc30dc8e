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
// The department, unit and project come back whole so the API needs no further round-trips.
RETURN d.year AS year, d.id AS documentId, dep.id AS departmentId, u.id AS unitId, p.id AS projectId,
       dep {.id, .name, .aliases, .aliasRules} AS department, u {.id, .name, .isSelf} AS unit, p {.id, .name, .names, .normName, departmentId: dep.id} AS projectNode,
       a.id AS allocationId, a.name AS project, coalesce(r.amountFen, a.amountFen) AS amountFen,
       r.method AS method, r.note AS note, r.evidence AS evidence, c.code AS code
ORDER BY year, dep.name, u.name, project, method
