// Which projects fed a 功能分类 code, per year, with how each link was established.
// $department matches the department id, name or any alias (substring); null = all.
MATCH (c:FunctionCode {code: $code})<-[r:BOOKED_UNDER]-(a:ProjectAllocation)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
WHERE ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
  AND ($years IS NULL OR d.year IN $years)
MATCH (a)-[:ALLOCATES]->(p:Project)
MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
RETURN d.year AS year, d.id AS documentId, d.file AS file, dep.id AS departmentId, dep.name AS department,
       u.id AS unitId, u.name AS unit, p.id AS projectId, a.name AS project, a.amountFen AS amountFen,
       r.method AS method, r.note AS note, r.evidence AS evidence, c.code AS code
ORDER BY year, department, unit, project, method
