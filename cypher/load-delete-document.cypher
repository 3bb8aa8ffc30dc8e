// Removes a document and every fact that came from it (a changed file is replaced whole).
// Shared nodes (departments, units, codes, projects) stay: other documents use them.
MATCH (d:Document {file: $file})
OPTIONAL MATCH (d)<-[:TEXT_OF]-(text:DocumentText)
DETACH DELETE text
WITH d
OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(fact)
OPTIONAL MATCH (fact)<-[:LISTS]-(listing:ProjectListing)
DETACH DELETE listing, fact, d
