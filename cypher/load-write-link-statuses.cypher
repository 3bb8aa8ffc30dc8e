// Start-up backfill of link statuses, third statement (same transaction): each link of the owners
// load-link-status-owners read, with the status, counted money and reason the strength rule gives
// it, as load-code-links and load-investment-links write them (a null removes the property, as the
// load leaves it unset).
UNWIND $rows AS row
MATCH ()-[r:BOOKED_UNDER]->()
WHERE elementId(r) = row.id
SET r.status = row.status, r.countedFen = row.countedFen, r.rejectedBecause = row.rejectedBecause
RETURN count(r) AS written
