// A node and up to $limit of its neighbours, with the relationships between them.
// $label/$key come from a global id ("Project:<id>"; codes use label 'Code' and their key).
CALL {
  MATCH (n:Code {key: $key}) WHERE $label = 'Code' RETURN n
  UNION MATCH (n:Department {id: $key}) WHERE $label = 'Department' RETURN n
  UNION MATCH (n:Document {id: $key}) WHERE $label = 'Document' RETURN n
  UNION MATCH (n:BudgetUnit {id: $key}) WHERE $label = 'BudgetUnit' RETURN n
  UNION MATCH (n:Project {id: $key}) WHERE $label = 'Project' RETURN n
  UNION MATCH (n:ProjectAllocation {id: $key}) WHERE $label = 'ProjectAllocation' RETURN n
  UNION MATCH (n:ProjectListing {id: $key}) WHERE $label = 'ProjectListing' RETURN n
  UNION MATCH (n:BudgetLine {id: $key}) WHERE $label = 'BudgetLine' RETURN n
  UNION MATCH (n:Indicator {id: $key}) WHERE $label = 'Indicator' RETURN n
  UNION MATCH (n:InvestmentProject {id: $key}) WHERE $label = 'InvestmentProject' RETURN n
  UNION MATCH (n:SelfEvaluation {id: $key}) WHERE $label = 'SelfEvaluation' RETURN n
  UNION MATCH (n:ThreeCosts {id: $key}) WHERE $label = 'ThreeCosts' RETURN n
  UNION MATCH (n:Anomaly {id: $key}) WHERE $label = 'Anomaly' RETURN n
  UNION MATCH (n:Figure {id: $key}) WHERE $label = 'Figure' RETURN n
  UNION MATCH (n:TableTotal {id: $key}) WHERE $label = 'TableTotal' RETURN n
  UNION MATCH (n:ProseAmount {id: $key}) WHERE $label = 'ProseAmount' RETURN n
  UNION MATCH (n:Payment {id: $key}) WHERE $label = 'Payment' RETURN n
}
CALL (n) {
  // A document's stored text is internal: read through Document.text, never shown as a node.
  MATCH (n)-[r]-(m) WHERE NOT m:DocumentText
  // Structure first (who runs, funds, books), bulk provenance (document membership) last; then by
  // the neighbour's own key, stable from one load to the next (an elementId is not). Two
  // links to one neighbour (a code and an allocation tied by NAMED and by RECONCILED) come in the
  // order of their method, not in whatever order the store holds them.
  WITH r, m ORDER BY CASE type(r) WHEN 'IN_DOCUMENT' THEN 2 WHEN 'APPEARS_IN' THEN 1 ELSE 0 END, type(r), coalesce(m.year, 0) DESC, coalesce(m.id, m.key, elementId(m)), coalesce(r.method, ''), elementId(r)
  LIMIT $limit
  RETURN collect({
    node: {elementId: elementId(m), labels: labels(m), props: properties(m), anomalies: COUNT { (m)<-[:CONCERNS]-(:Anomaly) }},
    edge: {elementId: elementId(r), type: type(r), start: elementId(startNode(r)), end: elementId(endNode(r)), props: properties(r)}
  }) AS around
}
RETURN {elementId: elementId(n), labels: labels(n), props: properties(n), anomalies: COUNT { (n)<-[:CONCERNS]-(:Anomaly) }} AS center,
       COUNT { (n)--(m) WHERE NOT m:DocumentText } AS total, around
