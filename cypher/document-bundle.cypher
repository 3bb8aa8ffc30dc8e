// One document with the lines of the requested schemes and its project allocations (with their
// unit, project and code links), in one statement, for queries that ask for all of it.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document {id: $id})
CALL (d) {
  OPTIONAL MATCH (l:BudgetLine {documentId: d.id})-[:FOR_UNIT]->(u:BudgetUnit)
  WHERE l.scheme IN $schemes
  WITH l, u ORDER BY l.srcLine
  RETURN collect(l {.*, unitId: u.id, _unit: u {.*}}) AS lines
}
CALL (d) {
  OPTIONAL MATCH (a:ProjectAllocation {documentId: d.id})-[:ALLOCATES]->(p:Project)
  WHERE $withProjects
  OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
  WITH a, p, u ORDER BY a.srcLine
  RETURN collect(a {.*, projectId: p.id, unitId: u.id, _unit: u {.*}, _project: p {.*},
    _links: [(a)-[r:BOOKED_UNDER]->(c:Code) | {allocationId: a.id, codeKey: c.key, code: c.code, name: c.name, method: r.method, note: r.note, evidence: r.evidence}]}) AS allocations
}
RETURN d {.*, departmentId: dep.id} AS document, lines, allocations
