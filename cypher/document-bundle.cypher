// One document with the lines of the requested schemes and its project allocations (with their
// unit, project and code links), in one statement, for queries that ask for all of it.
// A line or allocation carries only the properties the query reads ($lineKeys /
// $allocationKeys, chosen by src/query/projection.ts), as values in that order; when its keys
// are null it carries every property, named in `k`.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document {id: $id})
CALL (d) {
  MATCH (l:BudgetLine {documentId: d.id})
  WHERE l.scheme IN $schemes
  // A line printed for the department as a whole has no unit (unit null).
  OPTIONAL MATCH (l)-[:FOR_UNIT]->(u:BudgetUnit)
  WITH l, u, coalesce($lineKeys, keys(l)) AS k ORDER BY l.srcLine
  RETURN collect({k: CASE WHEN $lineKeys IS NULL THEN k END, v: [key IN k | l[key]], unit: u {.id, .name, .isSelf}}) AS lines
}
CALL (d) {
  MATCH (a:ProjectAllocation {documentId: d.id})-[:ALLOCATES]->(p:Project)
  WHERE $withProjects
  OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
  WITH a, p, u, coalesce($allocationKeys, keys(a)) AS k ORDER BY a.srcLine
  RETURN collect({k: CASE WHEN $allocationKeys IS NULL THEN k END, v: [key IN k | a[key]], projectId: p.id,
    unit: u {.id, .name, .isSelf},
    project: CASE WHEN $withProjectRows THEN p {.id, .name, .names, .normName, .departmentId} END,
    links: CASE WHEN $withLinks THEN [(a)-[r:BOOKED_UNDER]->(c:Code) | {codeKey: c.key, code: c.code, name: c.name, method: r.method, note: r.note, status: r.status, rejectedBecause: r.rejectedBecause, evidence: CASE WHEN $linkEvidence THEN r.evidence END}] END}) AS allocations
}
RETURN d {.*, departmentId: dep.id} AS document, lines, allocations
