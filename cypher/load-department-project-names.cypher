// The projects of each department a load's transaction wrote to, with their normalised names
// (SAME_AS is decided from them in src/load/same-as.ts, once per department and transaction).
// Read inside the loading transaction, after its documents' projects. A replaced copy's projects
// that nothing allocates any more are about to be collected: skipped.
UNWIND $departmentIds AS departmentId
MATCH (:Department {id: departmentId})-[:RUNS]->(p:Project)
WHERE (p)<-[:ALLOCATES]-()
RETURN departmentId, p.id AS id, p.normName AS normName
ORDER BY departmentId, id
