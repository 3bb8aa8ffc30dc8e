// Version of the Neo4j server and its edition, for the health query.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
