// Budget units (预算单位) of the department; the same unit across documents is one node.
MATCH (dep:Department {id: $departmentId})
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MERGE (u:BudgetUnit {id: row.id})
  ON CREATE SET u.name = row.name, u.isSelf = row.isSelf, u.searchText = row.searchText
MERGE (dep)-[:HAS_UNIT]->(u)
MERGE (u)-[:APPEARS_IN]->(d)
// A replaced copy's units that this one no longer names stop appearing in it (collected later
// when no document names them); the ones it still names keep their link throughout.
WITH DISTINCT d, collect(u.id) AS named
OPTIONAL MATCH (gone:BudgetUnit)-[r:APPEARS_IN]->(d) WHERE NOT gone.id IN named
DELETE r
