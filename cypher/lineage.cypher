// A project's whole lineage in one statement: the project, its department, and per allocation
// (oldest year first) its document, unit, code links, investment projects, indicators and
// self-evaluations. The API primes its DataLoaders from this, so nested fields cost nothing more.
MATCH (dep:Department)-[:RUNS]->(p:Project {id: $projectId})
OPTIONAL MATCH (p)<-[:ALLOCATES]-(a:ProjectAllocation)
// An allocation of the department as a whole has no unit.
OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
OPTIONAL MATCH (a)-[:IN_DOCUMENT]->(d:Document)
WITH dep, p, a, u, d ORDER BY a.year, a.documentId
WITH dep, p, collect(CASE WHEN a IS NULL THEN NULL ELSE {
  allocation: a {.*, projectId: p.id, unitId: u.id},
  unit: u {.*},
  document: d {.*, departmentId: dep.id},
  links: [(a)-[r:BOOKED_UNDER]->(c:Code) | {allocationId: a.id, codeKey: c.key, code: c.code, name: c.name, method: r.method, note: r.note, status: r.status, rejectedBecause: r.rejectedBecause, evidence: r.evidence}],
  investments: [(ip:InvestmentProject)-[:REPORTS_ON]->(a) | ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]}],
  indicators: [(i:Indicator)-[:MEASURES]->(a) | i {.*, allocationId: a.id}],
  evaluations: [(e:SelfEvaluation)-[:EVALUATES]->(a) | e {.*, allocationId: a.id}]
} END) AS years
RETURN p {.*, departmentId: dep.id} AS project, dep {.*} AS department, years
