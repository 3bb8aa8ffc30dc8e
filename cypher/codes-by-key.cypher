// Classification codes by key ('FunctionCode:2010504'), with parent and children keys
// (DataLoader batch).
UNWIND $keys AS key
MATCH (c:Code {key: key})
OPTIONAL MATCH (c)-[:PARENT]->(parent:Code)
RETURN key, c {.*, parentKey: parent.key, childKeys: [(c)<-[:PARENT]-(child:Code) | child.key]} AS value
