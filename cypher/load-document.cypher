// The document and its department; the printed title becomes one of the department's aliases.
// $docs: each document of the load's transaction (one, or a batch: src/load/loader.ts).
UNWIND $docs AS doc
MERGE (dep:Department {id: doc.department.id})
  ON CREATE SET dep.name = doc.department.name, dep.aliases = [], dep.aliasRules = []
SET dep.searchText = doc.department.searchText,
    dep.aliases = CASE WHEN doc.department.alias IN dep.aliases THEN dep.aliases ELSE dep.aliases + doc.department.alias END,
    dep.aliasRules = CASE WHEN doc.department.alias IN dep.aliases THEN dep.aliasRules ELSE dep.aliasRules + (doc.department.alias + ' → ' + doc.department.id + ' (' + doc.department.rule + ')') END
WITH doc, dep
// @include department-match-text-set
// A replaced file keeps its node (load-clear-document emptied it): readers never find it absent.
MERGE (d:Document {id: doc.document.id})
SET d = doc.document, d.loadedAt = datetime()
MERGE (dep)-[:PUBLISHED]->(d)
WITH dep, d
// A re-read that names another department moves the document to it.
OPTIONAL MATCH (other:Department)-[moved:PUBLISHED]->(d) WHERE other <> dep
DELETE moved
RETURN DISTINCT d.id AS id
