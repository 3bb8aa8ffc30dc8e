// Budget units (预算单位) of the department; the same unit across documents is one node.
MATCH (dep:Department {id: $departmentId})
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MERGE (u:BudgetUnit {id: row.id})
  ON CREATE SET u.name = row.name, u.isSelf = row.isSelf, u.searchText = row.searchText
MERGE (dep)-[:HAS_UNIT]->(u)
MERGE (u)-[:APPEARS_IN]->(d)
