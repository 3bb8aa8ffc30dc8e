// Where a PDF document's original bytes are kept (#39 item 2): content-addressed (<sha256>.pdf)
// in a private folder beside the Neo4j home. The load writes and prunes them (src/load/
// originals.ts); the printed-page route reads them (src/api/page-images.ts). Paths only: no path
// is ever built from anything but a sha256.
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { neo4jSettings } from '../config.js';

/**
 * Where originals are kept: `<NEO4J_DATA_DIR>-originals` (`.data/neo4j-originals` by default), so
 * a graph and its originals live and go together, and two graphs (a test run's, the default one)
 * never prune each other's files. With an external Neo4j (NEO4J_URI) it is the same path on this
 * machine: an API replica on another machine has no originals and answers ORIGINAL_MISSING.
 */
export function originalsDir(dataDir = neo4jSettings().dataDir): string {
  return join(dirname(dataDir), `${basename(dataDir)}-originals`);
}

/** A sha256 as hex, the only name an original is kept under. */
export const SHA256 = /^[0-9a-f]{64}$/;

/** The kept file of a sha256, or null for anything that is not one (no path is built from other text). */
export function originalPath(dir: string, sha256: unknown): string | null {
  return typeof sha256 === 'string' && SHA256.test(sha256) ? join(dir, `${sha256}.pdf`) : null;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The sha256 of some bytes and the file they are kept under: a digest is always a valid name. */
export function originalOf(dir: string, bytes: Uint8Array): { sha256: string; path: string } {
  const sha256 = sha256Of(bytes);
  return { sha256, path: join(dir, `${sha256}.pdf`) };
}

