// Tests (tests/integration/code-feeds-default.test.ts): each function code's links by status, to
// pick a code with many counted links, one with few, and one with links of other statuses too.
MATCH (c:FunctionCode)<-[r:BOOKED_UNDER]-()
RETURN c.code AS code, count(CASE WHEN r.status = 'COUNTED' THEN 1 END) AS counted, count(CASE WHEN r.status <> 'COUNTED' THEN 1 END) AS other
ORDER BY counted DESC, code
