// A replaced copy's units that this one no longer names stop appearing in it (collected later
// when no document names them); the ones it still names kept their link throughout. Apart from
// load-units, which sends the units in slices: this needs all of them ($unitIds, the ids only).
// $docs: each document of the load's transaction with the ids of every unit it names.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})<-[r:APPEARS_IN]-(gone:BudgetUnit)
WHERE NOT gone.id IN doc.unitIds
DELETE r
