// A document another file supersedes (replace: true), taken out in the same transaction as the
// new one goes in: its text, facts and listings, then the Document node itself, retired (cut
// loose, out of every label) and deleted at the end by load-delete-retired (src/load/loader.ts
// retireReplaced says why not at once). What only it held is collected after (load-collect-orphans).
MATCH (d:Document {file: $file})
// @include retire-facts
CALL (d) {
  MATCH (d)-[r]-()
  DELETE r
}
REMOVE d:$(labels(d))
SET d:Retired
