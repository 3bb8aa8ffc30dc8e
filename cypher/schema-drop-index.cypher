// Drops an index that stands in the way of cypher/schema.cypher (half built, failed or defined
// otherwise). IF EXISTS: another process repairing at the same time may have dropped it already.
DROP INDEX $name IF EXISTS
