// CodeFeed rows by key "<owner id>|<code>" (node(id) refetch; src/model/ids.ts codeFeedKey): the
// COUNTED link of that allocation or investment project at that 功能分类 code, as
// projectsFeedingCode returns it (cypher/code-feed-row.cypher). Owner ids contain "|" too, so
// the code is the last part.
UNWIND $keys AS key
WITH key, split(key, '|') AS parts
WITH key, last(parts) AS code, reduce(s = head(parts), part IN parts[1..size(parts) - 1] | s + '|' + part) AS ownerId
OPTIONAL MATCH (alloc:ProjectAllocation {id: ownerId})
OPTIONAL MATCH (inv:InvestmentProject {id: ownerId})
WITH key, code, coalesce(alloc, inv) AS owner
MATCH (owner)-[r:BOOKED_UNDER {status: 'COUNTED'}]->(c:FunctionCode {code: code})
WITH key, r, c, owner, CASE WHEN owner:ProjectAllocation THEN owner END AS a, CASE WHEN owner:InvestmentProject THEN owner END AS ip
OPTIONAL MATCH (owner)-[:IN_DOCUMENT]->(d:Document)<-[:PUBLISHED]-(dep:Department)
OPTIONAL MATCH (a)-[:ALLOCATES]->(p:Project)
OPTIONAL MATCH (owner)-[:FOR_UNIT]->(u:BudgetUnit)
WITH key, d, dep, u, p, a, ip, r, c
// @include code-feed-row
RETURN key, feed AS value
