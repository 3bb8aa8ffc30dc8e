CALL db.awaitIndexes(120)
