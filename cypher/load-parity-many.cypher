// load-parity for each document of a batch (src/load/loader.ts loadParsedBatch), in one statement
// inside the batch's transaction.
UNWIND $documentIds AS documentId
MATCH (d:Document {id: documentId})
// @include load-parity-tallies
RETURN documentId, tally.kind AS kind, tally.n AS n, [s IN tally.sums | toString(s)] AS sums
