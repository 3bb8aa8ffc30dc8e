// Projects (identity across documents and years: department + unit + normalised name; unitId
// null for a project of the department as a whole) and this document's allocation to each.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts) with its id
// and its rows, so one run writes every document's rows and each row keeps its document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
MATCH (dep:Department {id: doc.departmentId})
// Each of its rows is an allocation's values, its project's id, unit and name apart
// (src/load/sent-rows.ts), and the values of its project's node: every property Project declares
// (src/model/kinds/project.ts) but the names gathered below, as the row that creates the node
// brings them (src/load/loader.ts projectNodeValues): a new one needs no edit here.
UNWIND doc.rows AS row
WITH d, dep, doc, row, row.project AS project
MERGE (p:Project {id: row.projectId})
  ON CREATE SET p += project, p.departmentId = doc.departmentId, p.unitId = row.projectUnitId, p.names = []
// searchText from the names as this row leaves them: the items of one SET all read the node as it
// was before it, so a searchText built from p.names would miss the name this row adds (the first
// name of every new project, the newest of every renamed one). Not through a WITH: its value would
// be taken for every row before any row's SET, and two documents of one batch naming the same
// project would each write the names without the other's.
SET p.names = CASE WHEN row.name IN p.names THEN p.names ELSE p.names + row.name END,
    p.searchText = reduce(s = '', n IN CASE WHEN row.name IN p.names THEN p.names ELSE p.names + row.name END | s + ' ' + n)
MERGE (dep)-[:RUNS]->(p)
WITH d, doc, p, row
CREATE (a:ProjectAllocation)
SET a = row.values, a.documentId = doc.documentId
CREATE (a)-[:ALLOCATES]->(p)
CREATE (a)-[:IN_DOCUMENT]->(d)
// unitId null: an allocation of the department as a whole, no unit's (src/load/plan/allocations.ts).
WITH a, row
WHERE row.unitId IS NOT NULL
MATCH (u:BudgetUnit {id: row.unitId})
CREATE (a)-[:FOR_UNIT]->(u)
