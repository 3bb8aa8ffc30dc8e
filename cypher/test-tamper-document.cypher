// Tests only: spoils what the graph holds of documents the way a faulty write would — one figure's
// amount off by a fen (of $figureOf), one listing (of $listingOf) and one indicator (of
// $indicatorOf) gone — for the parity check to find.
CALL () {
  MATCH (f:Figure {documentId: $figureOf}) WHERE f.amountFen IS NOT NULL WITH f ORDER BY f.id LIMIT 1
  SET f.amountFen = f.amountFen + 1
}
CALL () {
  MATCH (pl:ProjectListing)-[:LISTS]->(:ProjectAllocation {documentId: $listingOf}) WITH pl ORDER BY pl.id LIMIT 1
  DETACH DELETE pl
}
CALL () {
  MATCH (i:Indicator {documentId: $indicatorOf}) WITH i ORDER BY i.id LIMIT 1
  DETACH DELETE i
}
