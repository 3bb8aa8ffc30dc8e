// Tests (tests/integration/derived-properties.test.ts): every BOOKED_UNDER beside its ends, so the
// test says which links hold a code or ownerId other than their ends' (or none), and which start
// elsewhere than at an allocation or an investment project with its document (code-feeds-default-page
// counts a code's links from the index alone, on that rule).
MATCH (owner)-[r:BOOKED_UNDER]->(c)
RETURN count(r) AS links,
       [x IN collect(CASE WHEN r.code IS NULL OR r.ownerId IS NULL OR r.code <> c.code OR r.ownerId <> owner.id
                          THEN owner.id + ' -> ' + c.code + ': ' + coalesce(r.ownerId, 'null') + ' -> ' + coalesce(r.code, 'null') END) WHERE x IS NOT NULL] AS wrong,
       [x IN collect(CASE WHEN NOT (owner:ProjectAllocation OR (owner:InvestmentProject AND EXISTS { (owner)-[:IN_DOCUMENT]->(:Document) }))
                          THEN coalesce(owner.id, elementId(owner)) END) WHERE x IS NOT NULL] AS strayOwners
