// A page of anomalies. $document = a document id or file; $kind an AnomalyKind;
// $department the department id, name or alias.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)<-[:IN_DOCUMENT]-(a:Anomaly)
WHERE ($document IS NULL OR d.id = $document OR d.file = $document)
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($severity IS NULL OR a.severity = $severity)
  AND ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
WITH a ORDER BY a.documentId, a.id
WITH collect(a {.*}) AS matched
RETURN size(matched) AS total, matched[$skip..$skip + $limit] AS items
