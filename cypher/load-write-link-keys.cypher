// Start-up backfill, second statement (after load-lock-link-codes, same transaction): the links
// of the locked codes that still lack r.code / r.ownerId get them from their ends, as
// load-code-links and load-investment-links write them.
UNWIND $codes AS key
MATCH (c:Code {key: key})<-[r:BOOKED_UNDER]-(owner)
WHERE r.code IS NULL OR r.ownerId IS NULL
SET r.code = c.code, r.ownerId = owner.id
RETURN count(r) AS written
