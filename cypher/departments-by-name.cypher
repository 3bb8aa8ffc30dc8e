// Departments whose id, name or any printed alias contains $name (null = all).
MATCH (dep:Department)
WHERE $name IS NULL OR dep.id CONTAINS $name OR dep.name CONTAINS $name
   OR any(alias IN dep.aliases WHERE alias CONTAINS $name)
RETURN dep {.*} AS value
ORDER BY dep.name
LIMIT 100
