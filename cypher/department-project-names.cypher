// The department's projects with their normalised names (SAME_AS is decided from them in
// src/load/same-as.ts). Read inside the loading transaction, after this document's projects.
MATCH (:Department {id: $departmentId})-[:RUNS]->(p:Project)
RETURN p.id AS id, p.normName AS normName
ORDER BY id
