// Start-up backfill of link statuses (src/load/link-keys.ts), first of three statements in one
// write transaction: up to $batch owners (allocations and investment projects, the only owners a
// load gives a link) with a BOOKED_UNDER link without a status are locked (their id written with
// itself: a write lock, no change). Another process backfilling at the same time waits here for
// the same owners, and then finds their links given a status (load-link-status-owners reads after
// the lock): each link is written once. A link from any other node is left (no version wrote one).
MATCH (owner)-[r:BOOKED_UNDER]->()
WHERE r.status IS NULL AND (owner:ProjectAllocation OR owner:InvestmentProject)
WITH DISTINCT owner LIMIT $batch
SET owner.id = owner.id
RETURN collect(elementId(owner)) AS owners
