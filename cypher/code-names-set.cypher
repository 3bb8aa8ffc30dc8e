// Included where a code c's names are derived again: namesByYear lists every "year:name" the lines
// that print it print, and name is the latest year's (ties: the smallest name), so load order
// does not matter and removing a document restores the names.
CALL (c) {
  OPTIONAL MATCH (c)<-[:OF_CODE]-(l:BudgetLine)-[:IN_DOCUMENT]->(d:Document)
  WITH d.year AS year, l.name AS name WHERE name IS NOT NULL
  WITH DISTINCT year, name ORDER BY year DESC, name
  RETURN collect(toString(year) + ':' + name) AS names, head(collect(name)) AS latest
}
SET c.namesByYear = reverse(names),
    c.name = coalesce(latest, c.name),
    c.searchText = c.code + ' ' + coalesce(latest, c.name, '')
