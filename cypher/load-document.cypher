// The document and its department; the printed title becomes one of the department's aliases.
MERGE (dep:Department {id: $department.id})
  ON CREATE SET dep.name = $department.name, dep.aliases = [], dep.aliasRules = []
SET dep.searchText = $department.searchText,
    dep.aliases = CASE WHEN $department.alias IN dep.aliases THEN dep.aliases ELSE dep.aliases + $department.alias END,
    dep.aliasRules = CASE WHEN $department.alias IN dep.aliases THEN dep.aliasRules ELSE dep.aliasRules + ($department.alias + ' → ' + $department.id + ' (' + $department.rule + ')') END
// A replaced file keeps its node (load-clear-document emptied it): readers never find it absent.
MERGE (d:Document {id: $document.id})
SET d = $document, d.loadedAt = datetime()
MERGE (dep)-[:PUBLISHED]->(d)
WITH dep, d
// A re-read that names another department moves the document to it.
OPTIONAL MATCH (other:Department)-[moved:PUBLISHED]->(d) WHERE other <> dep
DELETE moved
RETURN DISTINCT d.id AS id
