// Included by load-parity and load-parity-many: what the graph holds of the document d, per record
// kind (a tally: kind, count, fen sums).
CALL (d) {
  MATCH (l:BudgetLine)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'BudgetLine', n: count(l), sums: [sum(coalesce(l.totalFen, 0)), sum(coalesce(l.basicFen, 0)), sum(coalesce(l.projectFen, 0))]} AS tally
  UNION ALL
  MATCH (pl:ProjectListing)-[:LISTS]->(:ProjectAllocation)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'ProjectListing', n: count(pl), sums: [sum(coalesce(pl.amountFen, 0)), sum(coalesce(pl.executedFen, 0))]} AS tally
  UNION ALL
  MATCH (i:Indicator)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'Indicator', n: count(i), sums: []} AS tally
  UNION ALL
  MATCH (ip:InvestmentProject)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'InvestmentProject', n: count(ip), sums: [sum(coalesce(ip.totalInvestmentFen, 0)), sum(coalesce(ip.plannedInYearFen, 0)), sum(coalesce(ip.completedInYearFen, 0)), sum(coalesce(ip.cumulativeCompletedFen, 0))]} AS tally
  UNION ALL
  MATCH (e:SelfEvaluation)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'SelfEvaluation', n: count(e), sums: [sum(coalesce(e.budgetFen, 0)), sum(coalesce(e.executedFen, 0))]} AS tally
  UNION ALL
  MATCH (t:ThreeCosts)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'ThreeCosts', n: count(t), sums: [sum(coalesce(t.totalFen, 0)), sum(coalesce(t.abroadFen, 0)), sum(coalesce(t.receptionFen, 0)), sum(coalesce(t.vehiclesFen, 0))]} AS tally
  UNION ALL
  MATCH (t:TableTotal)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'TableTotal', n: count(t), sums: [sum(coalesce(t.totalFen, 0)), sum(coalesce(t.basicFen, 0)), sum(coalesce(t.projectFen, 0))]} AS tally
  UNION ALL
  MATCH (f:Figure)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'Figure', n: count(f), sums: [sum(coalesce(f.amountFen, 0))]} AS tally
  UNION ALL
  MATCH (p:Payment)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'Payment', n: count(p), sums: [sum(coalesce(p.amountFen, 0))]} AS tally
  UNION ALL
  MATCH (p:ProseAmount)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'ProseAmount', n: count(p), sums: [sum(coalesce(p.amountFen, 0)), sum(coalesce(p.changeFen, 0))]} AS tally
  UNION ALL
  MATCH (a:Anomaly)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'Anomaly', n: count(a), sums: [sum(coalesce(a.deltaFen, 0))]} AS tally
  UNION ALL
  MATCH (u:BudgetUnit)-[:APPEARS_IN]->(d)
  RETURN {kind: 'BudgetUnit', n: count(u), sums: []} AS tally
  UNION ALL
  MATCH (:ProjectAllocation)-[:IN_DOCUMENT]->(d)
  RETURN {kind: 'ProjectAllocation', n: count(*), sums: []} AS tally
  UNION ALL
  OPTIONAL MATCH (t:DocumentText)-[:TEXT_OF]->(d)
  RETURN {kind: 'LinePlace', n: size(coalesce(t.places, [])), sums: []} AS tally
}
