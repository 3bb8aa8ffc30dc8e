// Tests (tests/integration/concurrent-names.test.ts): the names a project was printed under and
// its searchText.
MATCH (p:Project {id: $id})
RETURN p.names AS names, p.searchText AS searchText
