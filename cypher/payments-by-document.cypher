// Each document's payments (支付明细) in print order (DataLoader batch).
UNWIND $keys AS key
MATCH (p:Payment {documentId: key})
WITH key, p ORDER BY p.srcLine
RETURN key, p {.*} AS value
