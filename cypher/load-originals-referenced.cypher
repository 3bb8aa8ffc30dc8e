// The originals some document still names (src/load/originals.ts): every other kept file is removed.
MATCH (d:Document) WHERE d.originalSha256 IS NOT NULL
RETURN DISTINCT d.originalSha256 AS sha256
