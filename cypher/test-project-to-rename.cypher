// Tests (tests/integration/concurrent-names.test.ts): a project printed in a document, with its
// department and that document: what two loads naming it again are written against.
MATCH (dep:Department)-[:RUNS]->(p:Project)<-[:ALLOCATES]-(:ProjectAllocation)-[:IN_DOCUMENT]->(d:Document)
RETURN p.id AS projectId, p.unitId AS projectUnitId, dep.id AS departmentId, d.id AS documentId, p.names AS names
ORDER BY projectId LIMIT 1
