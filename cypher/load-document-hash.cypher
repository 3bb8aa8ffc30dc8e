// The stored content hash of a file's document, if it was loaded before.
MATCH (d:Document {file: $file}) RETURN d.contentHash AS contentHash, d.id AS id
