// Probable identity, never merged: projects of one department whose normalised names differ but
// one contains the other (信息化 ⊂ 政务信息化) get a SAME_AS link with the rule and a score
// (shorter length / longer length). Exact matches are already one Project node.
MATCH (dep:Department {id: $departmentId})-[:RUNS]->(p:Project)
WHERE EXISTS { (p)<-[:ALLOCATES]-(:ProjectAllocation {documentId: $documentId}) }
MATCH (dep)-[:RUNS]->(q:Project)
WHERE q <> p AND size(p.normName) >= 4 AND size(q.normName) >= 4
  AND (p.normName CONTAINS q.normName OR q.normName CONTAINS p.normName)
WITH p, q, toFloat(CASE WHEN size(p.normName) < size(q.normName) THEN size(p.normName) ELSE size(q.normName) END)
         / CASE WHEN size(p.normName) < size(q.normName) THEN size(q.normName) ELSE size(p.normName) END AS score
WHERE score >= 0.4
WITH CASE WHEN p.id < q.id THEN p ELSE q END AS a, CASE WHEN p.id < q.id THEN q ELSE p END AS b, score
MERGE (a)-[s:SAME_AS]->(b)
  ON CREATE SET s.rule = 'NAME_CONTAINS', s.score = round(score, 2),
                s.note = '"' + a.normName + '" and "' + b.normName + '": one name contains the other'
