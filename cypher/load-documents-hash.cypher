// The stored content hash and loader fingerprint of each of a batch's files that was loaded
// before (src/load/loader.ts loadParsedBatch: one read for the batch, not one per file).
UNWIND $files AS file
MATCH (d:Document {file: file})
RETURN file, d.contentHash AS contentHash, d.loaderVersion AS loaderVersion
