// The department's projects with their normalised names (SAME_AS is decided from them in
// src/load/same-as.ts). Read inside the loading transaction, after this document's projects.
// A replaced copy's projects that nothing allocates any more are about to be collected: skipped.
MATCH (:Department {id: $departmentId})-[:RUNS]->(p:Project)
WHERE (p)<-[:ALLOCATES]-()
RETURN p.id AS id, p.normName AS normName
ORDER BY id
