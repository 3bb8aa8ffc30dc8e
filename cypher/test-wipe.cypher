// Tests only: removes every node. Test graphs are small enough for one transaction.
MATCH (n) DETACH DELETE n
