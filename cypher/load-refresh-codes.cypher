// A code's names come from the lines that print it, never from the last document loaded:
// namesByYear lists every "year:name" printed, and name is the latest year's (ties: the
// smallest name), so load order does not matter and removing a document restores the names.
// $keys: the codes a load touched, or null for every code.
MATCH (c:Code)
WHERE $keys IS NULL OR c.key IN $keys
CALL (c) {
  OPTIONAL MATCH (c)<-[:OF_CODE]-(l:BudgetLine)-[:IN_DOCUMENT]->(d:Document)
  WITH d.year AS year, l.name AS name WHERE name IS NOT NULL
  WITH DISTINCT year, name ORDER BY year DESC, name
  RETURN collect(toString(year) + ':' + name) AS names, head(collect(name)) AS latest
}
SET c.namesByYear = reverse(names),
    c.name = coalesce(latest, c.name),
    c.searchText = c.code + ' ' + coalesce(latest, c.name, '')
