// What the graph holds of one document, per record kind: counts and fen sums, to compare with
// what the parser read (src/load/parity.ts). Runs inside the load's transaction.
MATCH (d:Document {id: $documentId})
// @include load-parity-tallies
RETURN tally.kind AS kind, tally.n AS n, [s IN tally.sums | toString(s)] AS sums
