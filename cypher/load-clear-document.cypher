// Before a changed file is written again: every fact that came from it goes (retired now,
// deleted at the end of the transaction), but its Document node stays (and with it the
// department, units and projects it shares) until the new facts are in. A reader sees the old
// document until the new one commits, never a graph without it; the shared nodes that only the
// old copy held are collected after the load (load-collect-orphans).
MATCH (d:Document {file: $file})
// @include retire-facts
// Its links to its department and units stay: load-document and load-units keep the ones the new
// copy still has and drop the others, so a reader following them never misses the document.
