// Every index as Neo4j holds it now, for applySchema to compare with cypher/schema.cypher: an
// index whose creation was cut short (state POPULATING or FAILED, or a constraint's index with no
// owningConstraint) is told apart here. options carries a full-text index's analyzer.
SHOW INDEXES
YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint, options, failureMessage
