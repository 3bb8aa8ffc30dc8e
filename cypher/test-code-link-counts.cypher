// Tests (tests/integration/code-feeds-default.test.ts, scale-work.test.ts): each function code's
// links by status, to pick a code with many counted links, one with few, and one with links of
// other statuses too; and all its node's relationships (Neo4j keeps a node's counts by type and
// direction from 50 of them: dense_node_threshold).
MATCH (c:FunctionCode)<-[r:BOOKED_UNDER]-()
WITH c, count(CASE WHEN r.status = 'COUNTED' THEN 1 END) AS counted, count(CASE WHEN r.status <> 'COUNTED' THEN 1 END) AS other
RETURN c.code AS code, counted, other, COUNT { (c)--() } AS relationships
ORDER BY counted DESC, code
