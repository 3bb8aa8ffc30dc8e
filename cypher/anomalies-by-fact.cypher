// Anomalies concerning each fact node, by the fact's id (DataLoader batch).
UNWIND $keys AS key
MATCH (a:Anomaly)-[:CONCERNS]->(fact)
WHERE fact.id = key AND (fact:BudgetLine OR fact:ProjectAllocation OR fact:ThreeCosts OR fact:SelfEvaluation OR fact:InvestmentProject OR fact:TableTotal OR fact:Figure OR fact:ProseAmount OR fact:Payment)
RETURN key, a {.*} AS value
