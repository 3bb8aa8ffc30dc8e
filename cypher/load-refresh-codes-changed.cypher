// load-refresh-codes for a batch of new documents (src/load/loader.ts loadParsedBatch), made
// incremental: a code's names are derived again only when the batch's lines bring a "year:name"
// its namesByYear lacks ($rows: key, names, nullYear — a line of a document without a year, which
// namesByYear does not list but which may name the code), or when it lists none yet (a code no
// line printed so far: cheap, and its searchText is written). A new document's lines only add
// pairs, so a code whose pairs are all there already keeps the names a full derivation would
// give; the cost no longer grows with the number of documents that print the code.
UNWIND $rows AS row
MATCH (c:Code {key: row.key})
WITH c, row
WHERE row.nullYear OR size(coalesce(c.namesByYear, [])) = 0 OR any(n IN row.names WHERE NOT n IN c.namesByYear)
// @include code-names-set
