// What changes whenever a document is loaded, replaced or removed: the answer cache's key.
MATCH (d:Document)
RETURN count(d) AS documents, toString(max(d.loadedAt)) AS lastLoad
