// Departments whose id, name or an alias contains $name; with the rules that matched each alias.
MATCH (dep:Department)
WHERE $name IS NULL OR dep.id CONTAINS $name OR dep.name CONTAINS $name OR any(a IN dep.aliases WHERE a CONTAINS $name)
OPTIONAL MATCH (dep)-[:PUBLISHED]->(d:Document)
RETURN dep.id AS id, dep.name AS name, dep.aliases AS aliases, dep.aliasRules AS aliasRules, collect(d.year) AS years
ORDER BY dep.id
