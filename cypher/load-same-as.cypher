// Writes the SAME_AS links decided in src/load/same-as.ts (probable identity, never merged):
// one per pair, with its rule, score and note; a link already there keeps its first wording.
UNWIND $rows AS row
MATCH (a:Project {id: row.from})
MATCH (b:Project {id: row.to})
MERGE (a)-[s:SAME_AS]->(b)
  ON CREATE SET s.rule = row.rule, s.score = row.score, s.note = row.note
