// Included by load-parity and load-parity-many: what the graph holds of the document d, per record
// kind (a tally: kind, count, fen sums in the order src/load/parity.ts lists them). The facts are
// found in one pass over d's IN_DOCUMENT relationships and told apart by label (a fact with two
// kinds' labels counts for both), with each kind's money properties summed; a separate MATCH per
// kind walked every relationship of d once for each of the eleven kinds. A kind the document holds
// none of returns no row (parity.ts reads it as 0).
CALL (d) {
  MATCH (f)-[:IN_DOCUMENT]->(d)
  WITH collect(f) AS facts
  CALL (facts) {
    UNWIND facts AS f
    UNWIND labels(f) AS kind
    WITH f, kind, {
      BudgetLine: ['totalFen', 'basicFen', 'projectFen'],
      Indicator: [],
      InvestmentProject: ['totalInvestmentFen', 'plannedInYearFen', 'completedInYearFen', 'cumulativeCompletedFen'],
      SelfEvaluation: ['budgetFen', 'executedFen'],
      ThreeCosts: ['totalFen', 'abroadFen', 'receptionFen', 'vehiclesFen'],
      TableTotal: ['totalFen', 'basicFen', 'projectFen'],
      Figure: ['amountFen'],
      Payment: ['amountFen'],
      ProseAmount: ['amountFen', 'changeFen'],
      Anomaly: ['deltaFen'],
      ProjectAllocation: []
    }[kind] AS props
    WHERE props IS NOT NULL
    WITH kind, props, [k IN props | coalesce(f[k], 0)] AS v
    WITH kind, props, count(*) AS n, sum(coalesce(v[0], 0)) AS s0, sum(coalesce(v[1], 0)) AS s1, sum(coalesce(v[2], 0)) AS s2, sum(coalesce(v[3], 0)) AS s3
    RETURN {kind: kind, n: n, sums: [s0, s1, s2, s3][0..size(props)]} AS tally
    UNION ALL
    // Facts with their unit (FOR_UNIT), per kind: a fact of the department as a whole has none,
    // so the facts alone would not notice a unit link lost on the way in.
    UNWIND facts AS f
    WITH f WHERE EXISTS { (f)-[:FOR_UNIT]->(:BudgetUnit) }
    UNWIND [k IN labels(f) WHERE k IN ['BudgetLine', 'ProjectAllocation', 'TableTotal', 'InvestmentProject']] AS kind
    WITH kind, count(f) AS n
    RETURN {kind: kind + ' FOR_UNIT', n: n, sums: []} AS tally
    UNION ALL
    // Listings hang off the document's allocations, not off the document.
    UNWIND facts AS a
    WITH a WHERE a:ProjectAllocation
    MATCH (pl:ProjectListing)-[:LISTS]->(a)
    RETURN {kind: 'ProjectListing', n: count(pl), sums: [sum(coalesce(pl.amountFen, 0)), sum(coalesce(pl.executedFen, 0))]} AS tally
  }
  RETURN tally
  UNION ALL
  MATCH (u:BudgetUnit)-[:APPEARS_IN]->(d)
  RETURN {kind: 'BudgetUnit', n: count(u), sums: []} AS tally
  UNION ALL
  OPTIONAL MATCH (t:DocumentText)-[:TEXT_OF]->(d)
  RETURN {kind: 'LinePlace', n: size(coalesce(t.places, [])), sums: []} AS tally
}
