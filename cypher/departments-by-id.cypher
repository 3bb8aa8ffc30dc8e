// Departments by id (DataLoader batch).
UNWIND $keys AS key
MATCH (dep:Department {id: key})
RETURN key, dep {.*} AS value
