// Every constraint as Neo4j holds it now, for applySchema to compare with cypher/schema.cypher.
SHOW CONSTRAINTS
YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex
