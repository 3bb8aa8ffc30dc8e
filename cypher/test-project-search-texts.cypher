// Tests (tests/integration/derived-properties.test.ts): each project's stored searchText beside the
// names it was printed under, from which the test computes what it should be on its own.
MATCH (p:Project)
RETURN p.id AS id, p.names AS names, p.searchText AS searchText
ORDER BY id
