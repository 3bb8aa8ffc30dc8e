// Budget units (预算单位) of the department; the same unit across documents is one node.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (dep:Department {id: doc.departmentId})
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
MERGE (u:BudgetUnit {id: row.id})
  ON CREATE SET u.name = row.name, u.isSelf = row.isSelf, u.searchText = row.searchText
MERGE (dep)-[:HAS_UNIT]->(u)
MERGE (u)-[:APPEARS_IN]->(d)
