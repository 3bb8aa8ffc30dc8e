// Probable matches of each project (SAME_AS, either direction) with rule and score (DataLoader batch).
UNWIND $keys AS key
MATCH (p:Project {id: key})-[s:SAME_AS]-(q:Project)
WITH key, s, q ORDER BY s.score DESC, q.name
RETURN key, {rule: s.rule, score: s.score, note: s.note, project: q {.*}} AS value
