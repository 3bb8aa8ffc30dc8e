// Start-up backfill of link statuses, second statement (after load-lock-status-owners, same
// transaction): each locked owner that still has a link without a status, with what the load's
// strength rule decides from (src/model/codes.ts linkStatuses and countedAmount, as
// src/load/plan/facts.ts applies them): every link of the owner (its method, its code, the part
// booked there), the owner's budget and spent money, and whether its document is final accounts
// (决算: the spent money counts); an investment project's completed investment in its year.
UNWIND $owners AS id
MATCH (owner)
WHERE elementId(owner) = id AND EXISTS { (owner)-[x:BOOKED_UNDER]->() WHERE x.status IS NULL }
CALL (owner) {
  MATCH (owner)-[r:BOOKED_UNDER]->(c)
  RETURN collect({id: elementId(r), method: r.method, code: c.code, partFen: r.amountFen, status: r.status}) AS links
}
RETURN owner:InvestmentProject AS investment,
       owner.amountFen AS amountFen, owner.executedFen AS executedFen, owner.completedInYearFen AS completedInYearFen,
       EXISTS { (owner)-[:IN_DOCUMENT]->(d:Document) WHERE 'FINAL_ACCOUNTS' IN d.kinds } AS actual,
       links
