// Included where a document d's text, facts and their listings leave in a load: they are retired,
// not deleted (src/load/loader.ts retireReplaced says why): their relationships go, their labels
// give way to :Retired (so their ids and keys leave every index and constraint), and
// load-delete-retired deletes them at the end of the same transaction.
CALL (d) {
  OPTIONAL MATCH (d)<-[:TEXT_OF]-(text:DocumentText)
  OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(fact)
  OPTIONAL MATCH (fact)<-[:LISTS]-(listing:ProjectListing)
  WITH collect(DISTINCT text) + collect(DISTINCT fact) + collect(DISTINCT listing) AS retired
  CALL (retired) {
    UNWIND retired AS n
    MATCH (n)-[r]-()
    WITH DISTINCT r
    DELETE r
  }
  CALL (retired) {
    UNWIND retired AS n
    REMOVE n:$(labels(n))
    SET n:Retired
  }
}
