// Tests (tests/integration/derived-properties.test.ts): each department's stored matchText beside
// its id, name and aliases, from which the test computes what it should be on its own.
MATCH (dep:Department)
RETURN dep.id AS id, dep.name AS name, dep.aliases AS aliases, dep.matchText AS matchText
ORDER BY id
