// Tests only: a document's allocations of one printed project name, with unit and code.
MATCH (a:ProjectAllocation {documentId: $documentId, name: $name})
OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
OPTIONAL MATCH (a)-[:BOOKED_UNDER]->(c:Code)
RETURN u.name AS unit, c.code AS code, a.amountFen AS amountFen
