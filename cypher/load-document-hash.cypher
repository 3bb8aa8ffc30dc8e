// The stored content hash and loader fingerprint of a file's document, if it was loaded before.
MATCH (d:Document {file: $file}) RETURN d.contentHash AS contentHash, d.loaderVersion AS loaderVersion, d.id AS id
