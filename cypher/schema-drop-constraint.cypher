// Drops a constraint that stands in the way of cypher/schema.cypher (defined otherwise, or its
// index failed). IF EXISTS: another process repairing at the same time may have dropped it already.
DROP CONSTRAINT $name IF EXISTS
