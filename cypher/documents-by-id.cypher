// Documents by id (DataLoader batch).
UNWIND $keys AS key
MATCH (dep:Department)-[:PUBLISHED]->(d:Document {id: key})
RETURN key, d {.*, departmentId: dep.id} AS value
