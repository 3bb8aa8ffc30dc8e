// A PDF document's original (src/load/originals.ts): the sha256 of its bytes, the name of the
// file kept under the originals folder, from which its pages are rendered (src/api/page-images.ts).
MATCH (d:Document {file: $file})
SET d.originalSha256 = $sha256
RETURN d.id AS id
