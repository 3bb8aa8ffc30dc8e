// Which projects fed a 功能分类 code, per year: one row per allocation (or investment project)
// and code — its COUNTED link, with the money that link counts there (the part of a split
// project, what was spent for final accounts, an investment project's completed investment): the
// amounts the money trail adds up for the code's line. Methods that reach the same code come as
// support, links the strength rule rejected as alternatives (cypher/code-feed-row.cypher).
// $department matches the department id, name or any alias (substring); null = all.
// $includeDescendants also counts links to the code's sub-codes (201 → 20105 → 2010504).
MATCH (c:FunctionCode)
WHERE c.code = $code OR ($includeDescendants AND c.code STARTS WITH $code)
CALL (c) {
  MATCH (c)<-[r:BOOKED_UNDER {status: 'COUNTED'}]-(a:ProjectAllocation)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
  WHERE ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
         OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
    AND ($years IS NULL OR d.year IN $years)
  MATCH (a)-[:ALLOCATES]->(p:Project)
  OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
  RETURN d, dep, u, p, a, null AS ip, r
  UNION
  MATCH (c)<-[r:BOOKED_UNDER {status: 'COUNTED'}]-(ip:InvestmentProject)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
  WHERE ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
         OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
    AND ($years IS NULL OR d.year IN $years)
  OPTIONAL MATCH (ip)-[:FOR_UNIT]->(u:BudgetUnit)
  RETURN d, dep, u, null AS p, null AS a, ip, r
}
// @include code-feed-row
RETURN feed
ORDER BY feed.year, feed.department.name, feed.unit.name, feed.project, feed.method
