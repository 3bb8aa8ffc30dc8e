// The document and its department; the printed title becomes one of the department's aliases.
MERGE (dep:Department {id: $department.id})
  ON CREATE SET dep.name = $department.name, dep.aliases = [], dep.aliasRules = []
SET dep.searchText = $department.searchText,
    dep.aliases = CASE WHEN $department.alias IN dep.aliases THEN dep.aliases ELSE dep.aliases + $department.alias END,
    dep.aliasRules = CASE WHEN $department.alias IN dep.aliases THEN dep.aliasRules ELSE dep.aliasRules + ($department.alias + ' → ' + $department.id + ' (' + $department.rule + ')') END
CREATE (d:Document)
SET d = $document, d.loadedAt = datetime()
CREATE (dep)-[:PUBLISHED]->(d)
RETURN d.id AS id
