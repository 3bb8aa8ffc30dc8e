// Shortest paths between two nodes (global ids split into $from/$to {label, key}), at most
// MAX_HOPS long and $limit paths. MAX_HOPS is the one literal Cypher cannot take as a parameter
// (a variable-length bound): src/db/cypher.ts substitutes a validated integer 1..6, so the
// pattern itself stops the search at the requested length.
UNWIND [$from, $to] AS end
CALL (end) {
  MATCH (n:Code {key: end.key}) WHERE end.label = 'Code' RETURN n
  UNION MATCH (n:Department {id: end.key}) WHERE end.label = 'Department' RETURN n
  UNION MATCH (n:Document {id: end.key}) WHERE end.label = 'Document' RETURN n
  UNION MATCH (n:BudgetUnit {id: end.key}) WHERE end.label = 'BudgetUnit' RETURN n
  UNION MATCH (n:Project {id: end.key}) WHERE end.label = 'Project' RETURN n
  UNION MATCH (n:ProjectAllocation {id: end.key}) WHERE end.label = 'ProjectAllocation' RETURN n
  UNION MATCH (n:ProjectListing {id: end.key}) WHERE end.label = 'ProjectListing' RETURN n
  UNION MATCH (n:BudgetLine {id: end.key}) WHERE end.label = 'BudgetLine' RETURN n
  UNION MATCH (n:Indicator {id: end.key}) WHERE end.label = 'Indicator' RETURN n
  UNION MATCH (n:InvestmentProject {id: end.key}) WHERE end.label = 'InvestmentProject' RETURN n
  UNION MATCH (n:SelfEvaluation {id: end.key}) WHERE end.label = 'SelfEvaluation' RETURN n
  UNION MATCH (n:ThreeCosts {id: end.key}) WHERE end.label = 'ThreeCosts' RETURN n
  UNION MATCH (n:Anomaly {id: end.key}) WHERE end.label = 'Anomaly' RETURN n
  UNION MATCH (n:Figure {id: end.key}) WHERE end.label = 'Figure' RETURN n
  UNION MATCH (n:TableTotal {id: end.key}) WHERE end.label = 'TableTotal' RETURN n
  UNION MATCH (n:ProseAmount {id: end.key}) WHERE end.label = 'ProseAmount' RETURN n
  UNION MATCH (n:Payment {id: end.key}) WHERE end.label = 'Payment' RETURN n
}
WITH collect(n) AS ends
WITH ends[0] AS a, ends[1] AS b WHERE size(ends) = 2 AND ends[0] <> ends[1]
MATCH p = allShortestPaths((a)-[*..MAX_HOPS]-(b))
// Same question, same paths in the same order: sorted by the nodes' keys, then relationship types.
WITH p ORDER BY [x IN nodes(p) | coalesce(x.id, x.key, '')], [r IN relationships(p) | type(r)] LIMIT $limit
RETURN [x IN nodes(p) | {elementId: elementId(x), labels: labels(x), props: properties(x), anomalies: COUNT { (x)<-[:CONCERNS]-(:Anomaly) }}] AS nodes,
       [r IN relationships(p) | {elementId: elementId(r), type: type(r), start: elementId(startNode(r)), end: elementId(endNode(r)), props: properties(r)}] AS edges
